package org.bidarena.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bidarena.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * A customer's lifetime value cannot overflow (issue 23, item 3): at the validated extremes (3,650 days of
 * 1,440 ticks, every order the largest a scenario may draw, one a tick) it stays below its bound.
 */
class LifetimeValueBoundTest {

  @Test
  void theBoundIsTheLongestRunTimesTheLargestOrderAndFitsALong() {
    assertThat(ScenarioValidator.MAX_TICKS).isEqualTo(5_256_000L);
    assertThat(ScenarioValidator.MAX_LIFETIME_VALUE_MICROS).isEqualTo(473_040_000_000_000_000L);
    assertThat(ScenarioValidator.MAX_LIFETIME_VALUE_MICROS).isLessThan(Long.MAX_VALUE / 19);
  }

  @Test
  void aScenarioAtTheExtremesIsAcceptedAndItsLongestLifetimeAddsUpExactly() {
    // given: the longest run, the most customers, and an order value whose largest draw (the mean times the
    // top value tier's factor, with no spread) is the bound itself
    Scenario s = ScenarioLoader.load(null, List.of("time.days=3650", "time.ticks-per-day=1440",
        "customers.count=100000000", "customers.order-value.mean=90000", "customers.order-value.sigma=0",
        "customers.features.value-tier-factors=[0.5, 0.8, 1.0]"),
        null, TestCatalog.standIn());
    long ticks = (long) s.days() * s.ticksPerDay();

    // when: one customer buys the largest order every tick of the run
    long lifetime = 0;
    for (long t = 0; t < ticks; t++) {
      lifetime = Money.addToLifetimeValue(lifetime, ScenarioValidator.MAX_ORDER_MICROS);
    }

    // then
    assertThat(ticks).isEqualTo(ScenarioValidator.MAX_TICKS);
    assertThat(lifetime).isEqualTo(ScenarioValidator.MAX_LIFETIME_VALUE_MICROS);
  }

  @Test
  void anOrderBeyondTheBoundStopsNamingIt() {
    assertThatThrownBy(() -> Money.addToLifetimeValue(ScenarioValidator.MAX_LIFETIME_VALUE_MICROS, 1))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("passes the bound 473040000000.000000 (5256000 ticks, an order of at most 90000.000000");
    assertThatThrownBy(() -> Money.addToLifetimeValue(Long.MAX_VALUE - 1, 5))
        .isInstanceOf(ArithmeticException.class);
  }
}
