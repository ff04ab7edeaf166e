package org.bidarena.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.core.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/** The bounds: impossible ones refused in one line, and every projected split inside them. */
class BoundsTest {
  private static List<ChannelSpec> withLimit(int i, Limit min, Limit max, double share, boolean frozen) {
    List<ChannelSpec> c = new ArrayList<>(Fixtures.four());
    c.set(i, Fixtures.withLimits(c.get(i), min, max, share, frozen));
    return c;
  }

  @Test
  void minimumsAboveTheBudgetShouldBeRefusedNamingThem() {
    // given two minimums of 6,000 on a budget of 10,000
    List<ChannelSpec> c = withLimit(1, Limit.money(6_000_000_000L), null, Double.NaN, false);
    c.set(2, Fixtures.withLimits(c.get(2), Limit.money(6_000_000_000L), null, Double.NaN, false));
    // then
    assertThatThrownBy(() -> new Bounds(c, Fixtures.BUDGET, 0, 0.25))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("minimums, floor and frozen shares add up to 12,000.00")
        .hasMessageContaining("google-ads 6,000.00").hasMessageContaining("influencer 6,000.00")
        .hasMessageContaining("above the daily budget 10,000.00")
        .hasMessageNotContaining("\n");
  }

  @Test
  void maximumsBelowTheBudgetAMinAboveItsMaxATooHighFloorAndAFrozenShareOutsideItsLimitsShouldBeRefused() {
    List<ChannelSpec> low = new ArrayList<>();
    for (ChannelSpec s : Fixtures.four()) {
      low.add(Fixtures.withLimits(s, null, Limit.share(0.2), Double.NaN, false));
    }
    assertThatThrownBy(() -> new Bounds(low, Fixtures.BUDGET, 0, 0.25))
        .hasMessageContaining("maximums add up to 8,000.00").hasMessageContaining("below the daily budget");
    assertThatThrownBy(() -> new Bounds(withLimit(0, Limit.share(0.5), Limit.share(0.4), Double.NaN, false),
        Fixtures.BUDGET, 0, 0.25)).hasMessageContaining("allocation.channels.email: min 0.5000 of the budget is above"
            + " max 0.4000 of the budget");
    assertThatThrownBy(() -> new Bounds(Fixtures.four(), Fixtures.BUDGET, 0.3, 0.25))
        .hasMessageContaining("allocation.floor = 0.3: with 4 channels the floor can be at most 1/4");
    assertThatThrownBy(() -> new Bounds(withLimit(0, null, Limit.money(1_000_000_000L), 0.5, true), Fixtures.BUDGET,
        0, 0.25)).hasMessageContaining("allocation.channels.email is frozen at share 0.5000, outside");
    assertThatThrownBy(() -> new Bounds(Fixtures.four(), Fixtures.BUDGET, 0, 0))
        .hasMessageContaining("max-daily-change must be above 0");
  }

  @Test
  void theAdditiveFloorShouldKeepTheWeightsRatiosAboveTheFloor() {
    // given
    Bounds b = new Bounds(Fixtures.four(), Fixtures.BUDGET, 0.05, Double.POSITIVE_INFINITY);
    double[] w = {0.1, 0.6, 0.0, 0.3};
    // when
    double[] p = b.withAdditiveFloor(w);
    // then p_i = f + (1 - n f) w_i
    for (int i = 0; i < 4; i++) {
      assertThat(p[i]).isCloseTo(0.05 + 0.8 * w[i], within(1e-12));
    }
    assertThat((p[1] - 0.05) / (p[3] - 0.05)).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void aProjectedSplitShouldSumToOneAndKeepEveryBoundAndTheChangeCap() {
    // given a minimum, a maximum and a floor
    List<ChannelSpec> c = withLimit(1, null, Limit.money(4_000_000_000L), Double.NaN, false);
    c.set(2, Fixtures.withLimits(c.get(2), Limit.money(1_500_000_000L), null, Double.NaN, false));
    Bounds b = new Bounds(c, Fixtures.BUDGET, 0.03, 0.25);
    double[] previous = {0.25, 0.25, 0.25, 0.25};
    // when the wish is far outside them
    double[] p = b.project(new double[] {0, 1, 0, 0}, previous);
    // then
    assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1.0, within(1e-12));
    assertThat(p[1]).isCloseTo(0.3125, within(1e-12)); // the cap: 0.25 x 1.25, below the 0.4 maximum
    assertThat(p[0]).isGreaterThanOrEqualTo(0.25 * 0.75 - 1e-12);
    assertThat(p[2]).isGreaterThanOrEqualTo(0.15 - 1e-12);
    // and without a previous day only the static bounds apply: google-ads stops at its maximum and the
    // Euclidean projection spreads what it cannot take evenly over the others (each above its minimum)
    double[] first = b.project(new double[] {0, 1, 0, 0}, null);
    assertThat(first).containsExactly(new double[] {0.2, 0.4, 0.2, 0.2}, within(1e-12));
    first = b.project(new double[] {0, 1, 0, 0.5}, null);
    assertThat(first[2]).isCloseTo(0.15, within(1e-12));
    long[] budgets = b.budgets(first);
    assertThat(budgets[0] + budgets[1] + budgets[2] + budgets[3]).isEqualTo(Fixtures.BUDGET);
    assertThat(budgets[1]).isEqualTo(4_000_000_000L);
  }

  @Test
  void budgetsShouldSumToTheBudgetExactlyWhateverTheRounding() {
    Bounds b = new Bounds(Fixtures.four(), 1_000_003L, 0, Double.POSITIVE_INFINITY);
    long[] budgets = b.budgets(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 6, 1.0 / 6});
    assertThat(budgets[0] + budgets[1] + budgets[2] + budgets[3]).isEqualTo(1_000_003L);
    for (long x : budgets) {
      assertThat(x).isBetween(166_666L, 333_335L);
    }
  }
}
