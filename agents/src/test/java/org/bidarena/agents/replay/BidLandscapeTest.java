package org.bidarena.agents.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.replay.LoggedAuctions;
import org.junit.jupiter.api.Test;

class BidLandscapeTest {
  // prices 0..4 with masses 0, .25, .25, .25, .25
  private final BidLandscape landscape = new BidLandscape(new long[] {0, 1, 1, 1, 1});

  @Test
  void winRateAndExpectedCostShouldBeCumulative() {
    assertThat(landscape.winRate(0)).isZero();
    assertThat(landscape.winRate(2)).isCloseTo(0.5, within(1e-12));
    assertThat(landscape.winRate(99)).isCloseTo(1.0, within(1e-12));
    assertThat(landscape.expectedCost(2)).isCloseTo(0.25 + 0.5, within(1e-12));
    assertThat(landscape.expectedCost(4)).isCloseTo(2.5, within(1e-12));
  }

  @Test
  void bestConstantShouldSpendTheBudgetWithTheMostImpressions() {
    // given N = 100, so bid 4 costs 250 per episode and wins 100, bid 3 costs 150 and wins 75,
    // bid 2 costs 75 and wins 50.
    // then: with a budget of 1000 nothing binds and the highest bid wins most
    assertThat(landscape.bestConstant(1000, 100)).isEqualTo(4);
    // with 150: bid 4 runs out after 60 auctions (60 wins), bid 3 exactly affords its 75 wins
    assertThat(landscape.bestConstant(150, 100)).isEqualTo(3);
    // with 75: bid 2 wins 50; bid 3 runs out after 50 auctions (37.5 wins)
    assertThat(landscape.bestConstant(75, 100)).isEqualTo(2);
  }

  @Test
  void bestRandomMaxShouldBeTunedTheSameWay() {
    // uniform on 0..max: max 4 wins 0.5 and costs 1.0 per auction on average
    assertThat(landscape.bestRandomMax(1000, 100)).isEqualTo(4);
    assertThat(landscape.bestRandomMax(1, 100)).isEqualTo(1);
  }

  @Test
  void linShouldTruncateAndCap() {
    LoggedAuctions log = new LoggedAuctions(0, new int[3], new byte[3], new double[] {0.0029, 0.5, 0.001});
    LinPolicy lin = new LinPolicy(10, 0.001, 300);
    assertThat(lin.bid(log, 0, 3, 100)).isEqualTo(28); // 28.99... truncated
    assertThat(lin.bid(log, 1, 2, 100)).isEqualTo(300);
    assertThat(lin.bid(log, 2, 1, 100)).isEqualTo(10);
    assertThat(new McpcPolicy(14205.7, 300).bid(log, 0, 3, 100)).isEqualTo(41); // 41.19...
  }

  @Test
  void randShouldBeUniformOnZeroToMaxAndDeterministic() {
    LoggedAuctions log = new LoggedAuctions(5000, new int[2000], new byte[2000], new double[2000]);
    RandPolicy rand = new RandPolicy(9, new SeededStreams(3));
    int[] counts = new int[10];
    for (int i = 0; i < 2000; i++) {
      int a = rand.bid(log, i, 2000 - i, 1000);
      assertThat(a).isBetween(0, 9);
      assertThat(new RandPolicy(9, new SeededStreams(3)).bid(log, i, 1, 0)).isEqualTo(a);
      counts[a]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(140, 260);
    }
  }

  @Test
  void unknownAlgorithmShouldNameTheAllowedOnes() {
    assertThat(ReplayAlgorithm.parse(" RLB")).isEqualTo(ReplayAlgorithm.RLB);
    assertThatThrownBy(() -> ReplayAlgorithm.parse("ortb"))
        .hasMessage("unknown algorithm 'ortb', allowed: const, rand, mcpc, lin, rlb");
  }
}
