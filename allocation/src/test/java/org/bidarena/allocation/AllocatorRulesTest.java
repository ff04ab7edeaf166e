package org.bidarena.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every allocator keeps the floor, the change cap and frozen channels on every day of a run. */
class AllocatorRulesTest {
  private static final double FLOOR = 0.03;
  private static final double CAP = 0.25;

  private static List<DayRecord> run(String name, AllocationSettings s, long seed) {
    Bounds bounds = s.bounds();
    PpoAllocator ppo = name.equals("ppo") ? PpoAllocator.train(s, Fixtures.MARGIN, 99, 30, null) : null;
    ChannelMarket market = new ChannelMarket(s.channels(), seed, Fixtures.ORDER_VALUE, Fixtures.MARGIN, 30);
    Allocator a = Allocators.create(name, s, bounds, seed, History.empty(), ppo);
    return AllocationRun.run(a, market, bounds, new Optimum(bounds, 200), 30, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fixed", "proportional", "thompson", "ppo"})
  void theFloorAndTheChangeCapShouldHoldEveryDay(String name) {
    // given
    AllocationSettings s = Fixtures.settings(Fixtures.four(), FLOOR, CAP, 20);
    // when
    List<DayRecord> days = run(name, s, 3);
    // then
    double[] previous = null;
    boolean moved = false;
    for (DayRecord d : days) {
      double sum = 0;
      long spent = 0;
      for (int i = 0; i < 4; i++) {
        double p = d.shares()[i];
        sum += p;
        spent += d.budgets()[i];
        assertThat(p).as("%s day %d channel %d share", name, d.day(), i).isGreaterThanOrEqualTo(FLOOR - 1e-12);
        if (previous != null) {
          double allowed = CAP * Math.max(previous[i], Math.max(FLOOR, 0.01));
          assertThat(Math.abs(p - previous[i])).as("%s day %d channel %d move", name, d.day(), i)
              .isLessThanOrEqualTo(allowed + 1e-12);
          moved |= Math.abs(p - previous[i]) > 1e-6;
        }
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
      assertThat(spent).isEqualTo(Fixtures.BUDGET);
      assertThat(d.regret()).isGreaterThanOrEqualTo(0);
      previous = d.shares();
    }
    if (!name.equals("fixed")) {
      assertThat(moved).as(name + " should move its split at some point").isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fixed", "proportional", "thompson", "ppo"})
  void aFrozenChannelShouldNotMove(String name) {
    // given google-ads frozen at 20% of the budget
    List<ChannelSpec> c = new ArrayList<>(Fixtures.four());
    c.set(1, Fixtures.withLimits(c.get(1), null, null, 0.2, true));
    AllocationSettings s = Fixtures.settings(c, FLOOR, CAP, 20);
    // when
    List<DayRecord> days = run(name, s, 4);
    // then
    for (DayRecord d : days) {
      assertThat(d.shares()[1]).as("%s day %d", name, d.day()).isEqualTo(0.2);
      assertThat(d.budgets()[1]).isEqualTo(2_000_000_000L);
      assertThat(d.optimalBudgets()[1]).isEqualTo(2_000_000_000L);
    }
  }

  @Test
  void aRunShouldBeTheSameForASeedAndDifferForAnother() {
    AllocationSettings s = Fixtures.settings(Fixtures.four(), FLOOR, CAP, 20);
    List<DayRecord> a = run("thompson", s, 11);
    List<DayRecord> b = run("thompson", s, 11);
    List<DayRecord> other = run("thompson", s, 12);
    boolean differs = false;
    for (int d = 0; d < a.size(); d++) {
      assertThat(a.get(d).shares()).containsExactly(b.get(d).shares());
      assertThat(a.get(d).budgets()).containsExactly(b.get(d).budgets());
      assertThat(a.get(d).outcomes()).containsExactly(b.get(d).outcomes());
      differs |= !java.util.Arrays.equals(a.get(d).budgets(), other.get(d).budgets());
    }
    assertThat(differs).isTrue();
  }
}
