package org.bidarena.exchange;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.core.testing.SerializerContract;
import org.junit.jupiter.api.Test;

/** The exchange's events and snapshots: every auction type, a replayed log, no auctions at all. */
class ExchangeSerializerTest extends SerializerContract {
  ExchangeSerializerTest() {
    super(new ExchangeSerializer(), 731002,
        Map.of(AuctionsCleared.class, "AuctionsCleared/v1", ExchangeCheckpoint.class, "ExchangeSnapshot/v1"),
        Stream.concat(
            Arrays.stream(AuctionType.values()).map(ExchangeSerializerTest::cleared),
            Stream.of(replayed(), noAuctions(), new ExchangeCheckpoint(95), new ExchangeCheckpoint(Long.MAX_VALUE)))
            .toList());
  }

  /** Four auctions and three agents: two sold, two unsold (winner -1, price 0), bids with gaps. */
  private static AuctionsCleared cleared(AuctionType type) {
    return DenseBids.event(
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
    return DenseBids.event(
        7, 3, AuctionType.SECOND_PRICE, 0, List.of("lin", "market"),
        new int[] {1000, 1001, 1002}, new byte[3],
        new long[][] {{800, 0, 3000}, {700, 500, 2990}},
        new int[] {0, 1, 0},
        new long[] {700, 500, 2990},
        new byte[] {0, 1, 1});
  }

  /** No auctions, but the agents must still come back. */
  private static AuctionsCleared noAuctions() {
    return DenseBids.event(
        0, 0, AuctionType.SECOND_PRICE, 0, List.of("fixed", "random"),
        new int[0], new byte[0], new long[][] {new long[0], new long[0]}, new int[0], new long[0], new byte[0]);
  }

  @Test
  void anAuctionTypeOutsideTheKnownOnesShouldBeRefusedAsCorrupt() {
    for (int type : new int[] {-1, AuctionType.values().length}) {
      // given: a journaled AuctionsCleared whose auction type this version does not know
      byte[] bytes = ExchangeSerializer.toProto(noAuctions()).toBuilder().setAuctionType(type).build().toByteArray();

      // when / then
      assertThatThrownBy(() -> new ExchangeSerializer().fromBinary(bytes, "AuctionsCleared/v1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("corrupt AuctionsCleared/v1")
          .hasMessageContaining("auction type " + type);
    }
  }
}
