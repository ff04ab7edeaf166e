package org.bidarena.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan for the next days: within the rules from the run's last split, valued on the truth, repeatable. */
class ForecastTest {
  private static SeedResult after(String name, AllocationSettings s, long seed) {
    return Comparison.run(s, Fixtures.MARGIN, 9, 10, seed, 1, List.of(name), History.empty(), new Comparison.Listener() {})
        .get(name).get(0);
  }

  @Test
  void aForecastShouldKeepTheFloorAndTheCapFromTheLastSplitAndBeRepeatable() {
    // given thompson after 10 days
    AllocationSettings s = Fixtures.settings(Fixtures.four(), 0.03, 0.25, 1);
    Bounds b = s.bounds();
    SeedResult run = after("thompson", s, 3);
    // when it plans 14 more days
    List<Forecast.Day> plan = Forecast.plan(run, b, new Optimum(b, 100), 14);
    // then
    assertThat(plan).hasSize(14);
    assertThat(plan.get(0).day()).isEqualTo(10);
    double[] previous = run.days().get(9).shares();
    for (Forecast.Day d : plan) {
      double sum = 0;
      for (int i = 0; i < 4; i++) {
        assertThat(d.shares()[i]).isGreaterThanOrEqualTo(0.03 - 1e-12);
        assertThat(Math.abs(d.shares()[i] - previous[i])).isLessThanOrEqualTo(
            0.25 * Math.max(previous[i], 0.03) + 1e-12);
        sum += d.shares()[i];
      }
      assertThat(sum).isCloseTo(1, within(1e-12));
      assertThat(d.regret()).isGreaterThanOrEqualTo(0);
      assertThat(d.value()).isEqualTo(run.market().steadyProfit(d.day(), d.budgets()));
      previous = d.shares();
    }
    List<Forecast.Day> again = Forecast.plan(after("thompson", s, 3), b, new Optimum(b, 100), 14);
    for (int k = 0; k < 14; k++) {
      assertThat(again.get(k).budgets()).containsExactly(plan.get(k).budgets());
    }
  }

  @Test
  void theFixedSplitsForecastShouldBeItsSplit() {
    AllocationSettings s = Fixtures.settings(Fixtures.four(), 0.03, 0.25, 1);
    Bounds b = s.bounds();
    for (Forecast.Day d : Forecast.plan(after("fixed", s, 1), b, new Optimum(b, 100), 3)) {
      assertThat(d.shares()).containsExactly(b.fixedSplit());
    }
  }
}
