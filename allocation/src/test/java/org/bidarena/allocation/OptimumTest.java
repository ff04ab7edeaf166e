package org.bidarena.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bidarena.learning.SplitMix;
import org.junit.jupiter.api.Test;

/** The ground-truth optimum: no feasible split does better, and it agrees with a brute force on two channels. */
class OptimumTest {
  @Test
  void noRandomFeasibleSplitShouldBeatTheOptimum() {
    // given
    Bounds b = new Bounds(Fixtures.four(), Fixtures.BUDGET, 0.03, Double.POSITIVE_INFINITY);
    ChannelMarket m = new ChannelMarket(Fixtures.four(), 1, Fixtures.ORDER_VALUE, Fixtures.MARGIN, 1);
    Optimum.Day best = new Optimum(b, 400).of(m, 0);
    // then
    assertThat(java.util.Arrays.stream(best.budgets()).sum()).isEqualTo(Fixtures.BUDGET);
    SplitMix rng = new SplitMix(5);
    for (int k = 0; k < 2000; k++) {
      double[] w = new double[4];
      for (int i = 0; i < 4; i++) {
        w[i] = -Math.log(1 - rng.nextDouble());
      }
      double[] p = b.withAdditiveFloor(w);
      double profit = m.steadyProfit(0, b.budgets(p));
      // the grid is 1/400 of the free budget: allow what one step can be worth
      assertThat(profit).isLessThanOrEqualTo(best.expectedProfit() + 5e6);
    }
    // and the even split is well below it on these curves
    assertThat(m.steadyProfit(0, b.budgets(new double[] {0.25, 0.25, 0.25, 0.25})))
        .isLessThan(best.expectedProfit() - 500e6);
  }

  @Test
  void onTwoChannelsItShouldMatchABruteForceOverEveryMicroStepOfOneCurrencyUnit() {
    // given an S-shaped and a concave channel, where greedy water-filling from zero stalls on the S
    List<ChannelSpec> c = List.of(
        Fixtures.channel("a", 500_000, 400, 3_000_000_000L, 2.5, Adstock.geometric(0, 0), 0),
        Fixtures.channel("b", 500_000, 200, 1_000_000_000L, 0.7, Adstock.geometric(0, 0), 0));
    long budget = 4_000_000_000L;
    Bounds b = new Bounds(c, budget, 0, Double.POSITIVE_INFINITY);
    ChannelMarket m = new ChannelMarket(c, 1, Fixtures.ORDER_VALUE, Fixtures.MARGIN, 1);
    // when
    Optimum.Day best = new Optimum(b, 4000).of(m, 0);
    // then: the best of every split in whole currency units is no better
    double brute = Double.NEGATIVE_INFINITY;
    for (long x = 0; x <= 4000; x++) {
      brute = Math.max(brute, m.steadyProfit(0, new long[] {x * 1_000_000, budget - x * 1_000_000}));
    }
    assertThat(best.expectedProfit()).isCloseTo(brute, org.assertj.core.api.Assertions.within(1e-6 * Math.abs(brute)));
    assertThat(best.budgets()[0]).isGreaterThan(2_000_000_000L);
  }
}
