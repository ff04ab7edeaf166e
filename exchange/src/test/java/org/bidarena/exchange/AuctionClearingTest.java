package org.bidarena.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.AuctionType;
import org.junit.jupiter.api.Test;

class AuctionClearingTest {
  /** Random bids for the tests, from a stream of their own. */
  private static final SeededStreams.Stream TEST_BIDS =
      SeededStreams.Stream.register("auction-clearing-test-bids", 0x7E57_1001L);

  private static final long NO_LIMIT = Long.MAX_VALUE;
  private static final AuctionSpec SECOND =
      new AuctionSpec(AuctionType.SECOND_PRICE, 500_000, 100_000, 10_000_000);
  private static final AuctionSpec FIRST =
      new AuctionSpec(AuctionType.FIRST_PRICE, 500_000, 100_000, 10_000_000);

  private static AuctionClearing clearing(AuctionSpec spec, long seed) {
    return new AuctionClearing(spec, new SeededStreams(seed));
  }

  /** One auction; bids[agent] is the agent's bid on it. */
  private static long[][] oneAuction(long... bids) {
    long[][] out = new long[bids.length][1];
    for (int a = 0; a < bids.length; a++) {
      out[a][0] = bids[a];
    }
    return out;
  }

  private static long[] limits(int agents, long limit) {
    long[] out = new long[agents];
    java.util.Arrays.fill(out, limit);
    return out;
  }

  @Test
  void clearShouldChargeSecondPriceWhenTwoBidsBeatReserve() {
    // given
    long[][] bids = oneAuction(900_000, 2_000_000, 1_200_000);

    // when
    ClearedAuctions out = DenseBids.clear(clearing(SECOND, 1), 0, 0, 1, bids, limits(3, NO_LIMIT));

    // then
    assertThat(out.winners()).containsExactly(1);
    assertThat(out.pricesMicros()).containsExactly(1_200_000);
  }

  @Test
  void clearShouldChargeReserveWhenSecondBidIsBelowIt() {
    // given: the 300k bid is below the reserve, so it is rejected and the reserve sets the price
    long[][] bids = oneAuction(300_000, 2_000_000);

    // when
    ClearedAuctions out = DenseBids.clear(clearing(SECOND, 1), 0, 0, 1, bids, limits(2, NO_LIMIT));

    // then
    assertThat(out.winners()).containsExactly(1);
    assertThat(out.pricesMicros()).containsExactly(500_000);
    assertThat(DenseBids.accepted(out)[0]).containsExactly(0);
  }

  @Test
  void clearShouldChargeReserveToSingleBidder() {
    // given
    long[][] bids = oneAuction(0, 3_000_000, 0);

    // when
    ClearedAuctions out = DenseBids.clear(clearing(SECOND, 1), 0, 0, 1, bids, limits(3, NO_LIMIT));

    // then
    assertThat(out.winners()).containsExactly(1);
    assertThat(out.pricesMicros()).containsExactly(500_000);
  }

  @Test
  void clearShouldChargeOwnBidInFirstPrice() {
    // given
    long[][] bids = oneAuction(900_000, 2_000_000, 1_200_000);

    // when
    ClearedAuctions out = DenseBids.clear(clearing(FIRST, 1), 0, 0, 1, bids, limits(3, NO_LIMIT));

    // then
    assertThat(out.winners()).containsExactly(1);
    assertThat(out.pricesMicros()).containsExactly(2_000_000);
  }

  @Test
  void clearShouldNotSellWhenNoBidReachesReserve() {
    // given
    long[][] bids = oneAuction(499_999, 0, 200_000);

    // when
    ClearedAuctions out = DenseBids.clear(clearing(SECOND, 1), 0, 0, 1, bids, limits(3, NO_LIMIT));

    // then
    assertThat(out.winners()).containsExactly(-1);
    assertThat(out.pricesMicros()).containsExactly(0);
    assertThat(out.bids(0)).isZero();
    assertThat(out.spend(0) + out.spend(1) + out.spend(2)).isZero();
  }

  @Test
  void clearShouldRejectBidsOutsideMinAndMax() {
    // given: no reserve, so only [min, max] filters
    AuctionSpec spec = new AuctionSpec(AuctionType.SECOND_PRICE, 0, 100_000, 1_000_000);
    long[][] bids = oneAuction(99_999, 1_000_001, 100_000, 1_000_000);

    // when
    ClearedAuctions out = DenseBids.clear(clearing(spec, 1), 0, 0, 1, bids, limits(4, NO_LIMIT));

    // then
    assertThat(DenseBids.accepted(out)[0]).containsExactly(0);
    assertThat(DenseBids.accepted(out)[1]).containsExactly(0);
    assertThat(DenseBids.accepted(out)[2]).containsExactly(100_000);
    assertThat(DenseBids.accepted(out)[3]).containsExactly(1_000_000);
    assertThat(out.winners()).containsExactly(3);
    assertThat(out.pricesMicros()).containsExactly(100_000);
  }

  @Test
  void clearShouldChargeWinningBidOnTieInSecondPrice() {
    // given
    long[][] bids = oneAuction(1_500_000, 1_500_000, 700_000);

    // when
    ClearedAuctions out = DenseBids.clear(clearing(SECOND, 7), 3, 1, 1, bids, limits(3, NO_LIMIT));

    // then
    assertThat(out.winners()[0]).isIn(0, 1);
    assertThat(out.pricesMicros()).containsExactly(1_500_000);
  }

  @Test
  void clearShouldBreakTiesDeterministicallyForASeed() {
    // given
    int auctions = 1_000;
    long[][] bids = new long[4][auctions];
    for (long[] row : bids) {
      java.util.Arrays.fill(row, 1_000_000);
    }

    // when
    int[] first = DenseBids.clear(clearing(SECOND, 42), 5, 2, auctions, bids, limits(4, NO_LIMIT)).winners();
    int[] again = DenseBids.clear(clearing(SECOND, 42), 5, 2, auctions, bids, limits(4, NO_LIMIT)).winners();
    int[] otherSeed = DenseBids.clear(clearing(SECOND, 43), 5, 2, auctions, bids, limits(4, NO_LIMIT)).winners();

    // then
    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void clearShouldGiveEachTiedAgentAFairShare() {
    // given: agent 1 bids less and must never win; agents 0, 2, 3 always tie
    int auctions = 30_000;
    long[][] bids = new long[4][auctions];
    java.util.Arrays.fill(bids[0], 2_000_000);
    java.util.Arrays.fill(bids[1], 1_000_000);
    java.util.Arrays.fill(bids[2], 2_000_000);
    java.util.Arrays.fill(bids[3], 2_000_000);

    // when
    ClearedAuctions out = DenseBids.clear(clearing(SECOND, 99), 11, 3, auctions, bids, limits(4, NO_LIMIT));

    // then
    assertThat(out.impressions(1)).isZero();
    for (int a : new int[] {0, 2, 3}) {
      assertThat((double) out.impressions(a) / auctions).isCloseTo(1.0 / 3, within(0.015));
    }
  }

  @Test
  void clearShouldNeverExceedSpendLimitAndRejectBidsBeyondIt() {
    // given: agent 0 bids 1.0 on everything but may spend only 3.5 in total
    int auctions = 10;
    long[][] bids = new long[2][auctions];
    java.util.Arrays.fill(bids[0], 1_000_000);
    long[] limits = {3_500_000, NO_LIMIT};

    // when
    ClearedAuctions out = DenseBids.clear(clearing(FIRST, 1), 0, 0, auctions, bids, limits);

    // then: 3 wins at 1.0 leave 0.5, below its bid, so the rest is rejected
    assertThat(out.impressions(0)).isEqualTo(3);
    assertThat(out.spend(0)).isEqualTo(3_000_000);
    assertThat(out.bids(0)).isEqualTo(3);
    assertThat(DenseBids.accepted(out)[0]).containsExactly(
        1_000_000, 1_000_000, 1_000_000, 0, 0, 0, 0, 0, 0, 0);
    assertThat(out.winners()).containsExactly(0, 0, 0, -1, -1, -1, -1, -1, -1, -1);
    assertThat(limits).containsExactly(3_500_000, NO_LIMIT);
  }

  @Test
  void clearShouldKeepEverySpendWithinItsLimitUnderCompetition() {
    // given: random bids from three agents with tight limits
    SeededStreams rnd = new SeededStreams(5);
    int auctions = 5_000;
    long[][] bids = new long[3][auctions];
    for (int a = 0; a < 3; a++) {
      for (int i = 0; i < auctions; i++) {
        bids[a][i] = SeededStreams.below(rnd.bits(TEST_BIDS, a, i), 3_000_000);
      }
    }
    long[] limits = {50_000_000, 120_000_000, 7_000_000};

    for (AuctionSpec spec : new AuctionSpec[] {SECOND, FIRST}) {
      // when
      ClearedAuctions out = DenseBids.clear(clearing(spec, 3), 0, 0, auctions, bids, limits);

      // then
      for (int a = 0; a < 3; a++) {
        assertThat(out.spend(a)).isLessThanOrEqualTo(limits[a]);
        assertThat(out.bidSum(a)).isPositive();
      }
      for (int i = 0; i < auctions; i++) {
        if (out.winners()[i] >= 0) {
          assertThat(out.pricesMicros()[i])
              .isGreaterThanOrEqualTo(spec.reserveMicros())
              .isLessThanOrEqualTo(DenseBids.accepted(out)[out.winners()[i]][i]);
        }
      }
    }
  }

  @Test
  void totalsShouldSumAcceptedBidsWinsAndPrices() {
    // given
    long[][] bids = {{1_000_000, 600_000, 0}, {800_000, 900_000, 2_000_000}};

    // when
    ClearedAuctions out = DenseBids.clear(clearing(SECOND, 1), 0, 0, 3, bids, limits(2, NO_LIMIT));

    // then
    assertThat(out.winners()).containsExactly(0, 1, 1);
    assertThat(out.pricesMicros()).containsExactly(800_000, 600_000, 500_000);
    assertThat(out.bids(0)).isEqualTo(2);
    assertThat(out.bidSum(0)).isEqualTo(1_600_000);
    assertThat(out.impressions(1)).isEqualTo(2);
    assertThat(out.spend(1)).isEqualTo(1_100_000);
    assertThat(out.spend(0)).isEqualTo(800_000);
  }

  @Test
  void auctionIdShouldPackTickPartitionAndRow() {
    assertThat(AuctionClearing.auctionId(3, 2, 5)).isEqualTo(26_392_574_033_925L);
    assertThat(AuctionClearing.auctionId(0, 0, Integer.MAX_VALUE))
        .isLessThan(AuctionClearing.auctionId(0, 1, 0));
  }
}
