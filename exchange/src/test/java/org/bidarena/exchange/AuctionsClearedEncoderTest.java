package org.bidarena.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.bidarena.core.scenario.AuctionType;
import org.junit.jupiter.api.Test;

/** The fast encoder must write exactly the generated builder's bytes, or every digest would change. */
class AuctionsClearedEncoderTest {
  @Test
  void encodeShouldWriteTheBuilderBytesForRandomEvents() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 300; round++) {
      AuctionsCleared event = randomEvent(random, random.nextInt(0, 40), random.nextInt(1, 9));
      assertThat(AuctionsClearedEncoder.encode(event))
          .as("round %d", round)
          .isEqualTo(ExchangeSerializer.toProto(event).toByteArray());
    }
  }

  @Test
  void encodeShouldWriteTheBuilderBytesForAnEmptyEventAtTickZero() {
    AuctionsCleared empty = DenseBids.event(0, 0, AuctionType.SECOND_PRICE, 0, List.of("a", ""),
        new int[0], new byte[0], new long[][] {new long[0], new long[0]}, new int[0], new long[0], new byte[0]);
    assertThat(AuctionsClearedEncoder.encode(empty)).isEqualTo(ExchangeSerializer.toProto(empty).toByteArray());
  }

  @Test
  void encodeShouldWriteTheBuilderBytesWithCreatives() {
    AuctionsCleared plain = randomEvent(new SplittableRandom(3), 30, 4);
    int[] creatives = new int[plain.bids()];
    for (int k = 0; k < creatives.length; k++) {
      creatives[k] = k % 3;
    }
    AuctionsCleared event = new AuctionsCleared(plain.tick(), plain.partition(), plain.type(), plain.reserveMicros(),
        plain.agents(), plain.customers(), plain.stages(), plain.bidStart(), plain.bidAgents(), plain.bidMicros(),
        creatives, plain.winners(), plain.pricesMicros(), plain.loggedClicks());
    assertThat(AuctionsClearedEncoder.encode(event)).isEqualTo(ExchangeSerializer.toProto(event).toByteArray());
    AuctionsCleared back = ExchangeSerializer.fromProto(ExchangeSerializer.toProto(event));
    assertThat(back.bidCreatives()).containsExactly(creatives);
  }

  @Test
  void aJournalWithDenseBidColumnsShouldReadAsTheSameSparseBids() {
    // given: an event as written before sparse bids, one column per agent
    AuctionsCleared event = randomEvent(new SplittableRandom(5), 25, 3);
    var old = ExchangeSerializer.toProto(event).toBuilder().clearAgentIds().clearBidCounts().clearBidAgents()
        .clearBidMicros().clearBidCreatives();
    for (int a = 0; a < event.agents().size(); a++) {
      var column = org.bidarena.protos.BidColumn.newBuilder().setAgent(event.agents().get(a));
      for (long b : DenseBids.column(event, a)) {
        column.addBidMicros(b);
      }
      old.addBids(column);
    }

    // when
    AuctionsCleared back = ExchangeSerializer.fromProto(old.build());

    // then
    assertThat(back.agents()).isEqualTo(event.agents());
    assertThat(back.bidStart()).containsExactly(event.bidStart());
    assertThat(back.bidAgents()).containsExactly(event.bidAgents());
    assertThat(back.bidMicros()).containsExactly(event.bidMicros());
  }

  /** Replayed logs carry a click per auction; simulated traffic carries none. */
  private static byte[] loggedClicks(SplittableRandom r, int n) {
    byte[] clicks = new byte[r.nextBoolean() ? n : 0];
    for (int i = 0; i < clicks.length; i++) {
      clicks[i] = (byte) r.nextInt(0, 2);
    }
    return clicks;
  }

  private static AuctionsCleared randomEvent(SplittableRandom r, int n, int agents) {
    int[] customers = new int[n];
    byte[] stages = new byte[n];
    int[] winners = new int[n];
    long[] prices = new long[n];
    long[][] bids = new long[agents][n];
    for (int i = 0; i < n; i++) {
      customers[i] = r.nextInt(0, 10) == 0 ? r.nextInt() : r.nextInt(0, 1 << 24);
      stages[i] = (byte) r.nextInt(0, 6);
      winners[i] = r.nextInt(-1, agents);
      prices[i] = r.nextInt(0, 5) == 0 ? 0 : r.nextLong(0, Long.MAX_VALUE >> r.nextInt(0, 60));
      for (int a = 0; a < agents; a++) {
        bids[a][i] = r.nextBoolean() ? 0 : r.nextLong(1, 1L << r.nextInt(1, 62));
      }
    }
    List<String> ids = new java.util.ArrayList<>();
    for (int a = 0; a < agents; a++) {
      ids.add(r.nextInt(0, 8) == 0 ? "" : "agent-" + a);
    }
    return DenseBids.event(r.nextLong(0, 1L << r.nextInt(1, 40)), r.nextInt(0, 300),
        r.nextBoolean() ? AuctionType.FIRST_PRICE : AuctionType.SECOND_PRICE, r.nextInt(0, 3) == 0 ? 0 : r.nextLong(0, 100_000),
        List.copyOf(ids), customers, stages, bids, winners, prices, loggedClicks(r, n));
  }
}
