package org.bidarena.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.core.testing.SerializerContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExchangeSerializerTest extends SerializerContract {
  ExchangeSerializerTest() {
    super(new ExchangeSerializer(), 731002);
  }

  @Override
  protected List<Sample> samples() {
    return List.of(
        new Sample("AuctionsCleared/v1", cleared(AuctionType.SECOND_PRICE)),
        new Sample("AuctionsCleared/v1", cleared(AuctionType.FIRST_PRICE)),
        new Sample("AuctionsCleared/v1", replayed()),
        new Sample("AuctionsCleared/v1", noAuctions()),
        new Sample("ExchangeSnapshot/v1", new ExchangeCheckpoint(95)));
  }

  // ---------------------------------------------------------------- samples

  /** Four auctions and three agents: two sold, two unsold (winner -1, price 0), bids with gaps. */
  private static AuctionsCleared cleared(AuctionType type) {
    return new AuctionsCleared(
        (1L << 20) + 3, 1023, type, 500,
        List.of("adaptive", "aggressive", "retargeting"),
        new int[] {0, 42, 42, 99_999_999},
        new byte[] {0, 2, 5, 3},
        new long[][] {
          {0, 2_600, 0, 0},
          {1_300, 0, 0, Long.MAX_VALUE},
          {0, 3_000, 0, 700}},
        new int[] {1, 2, -1, -1},
        new long[] {500, 2_600, 0, 0},
        new byte[0]);
  }

  /** A replayed bid log: two agents (ours and the market) and a logged click per auction. */
  private static AuctionsCleared replayed() {
    return new AuctionsCleared(
        7, 3, AuctionType.SECOND_PRICE, 0, List.of("lin", "market"),
        new int[] {1000, 1001, 1002}, new byte[3],
        new long[][] {{800, 0, 3000}, {700, 500, 2990}},
        new int[] {0, 1, 0},
        new long[] {700, 500, 2990},
        new byte[] {0, 1, 1});
  }

  private static AuctionsCleared noAuctions() {
    return new AuctionsCleared(
        0, 0, AuctionType.SECOND_PRICE, 0, List.of("fixed", "random"),
        new int[0], new byte[0], new long[][] {new long[0], new long[0]}, new int[0], new long[0], new byte[0]);
  }

  private static void assertSameAuctions(AuctionsCleared actual, AuctionsCleared expected) {
    assertThat(actual.tick()).isEqualTo(expected.tick());
    assertThat(actual.partition()).isEqualTo(expected.partition());
    assertThat(actual.type()).isEqualTo(expected.type());
    assertThat(actual.reserveMicros()).isEqualTo(expected.reserveMicros());
    assertThat(actual.agents()).containsExactlyElementsOf(expected.agents());
    assertThat(actual.customers()).containsExactly(expected.customers());
    assertThat(actual.stages()).containsExactly(expected.stages());
    assertThat(actual.bids()).hasSameDimensionsAs(expected.bids());
    for (int a = 0; a < expected.bids().length; a++) {
      assertThat(actual.bids()[a]).as("bids of agent %d", a).containsExactly(expected.bids()[a]);
    }
    assertThat(actual.winners()).containsExactly(expected.winners());
    assertThat(actual.pricesMicros()).containsExactly(expected.pricesMicros());
    assertThat(actual.loggedClicks()).containsExactly(expected.loggedClicks());
    assertThat(actual.auctions()).isEqualTo(expected.auctions());
  }

  // ---------------------------------------------------------------- round trips

  @ParameterizedTest
  @EnumSource(AuctionType.class)
  void auctionsClearedShouldSurviveARoundTripColumnByColumn(AuctionType type) throws Exception {
    // given
    AuctionsCleared e = cleared(type);

    // when
    Object back = roundTrip(e);

    // then
    assertThat(back).isInstanceOf(AuctionsCleared.class);
    assertSameAuctions((AuctionsCleared) back, e);
  }

  @Test
  void auctionsClearedWithoutAuctionsShouldKeepItsAgents() throws Exception {
    // given
    AuctionsCleared e = noAuctions();

    // when
    AuctionsCleared back = (AuctionsCleared) roundTrip(e);

    // then
    assertSameAuctions(back, e);
    assertThat(back.auctions()).isZero();
  }

  @Test
  void exchangeCheckpointShouldSurviveARoundTrip() throws Exception {
    // given
    ExchangeCheckpoint c = new ExchangeCheckpoint(Long.MAX_VALUE);

    // when
    Object back = roundTrip(c);

    // then
    assertThat(back).isEqualTo(c);
  }
}
