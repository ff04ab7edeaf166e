package org.bidarena.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdaptiveReserveTest {
  @Test
  void reserveShouldRiseWhilePricesAreBelowTheReferenceAndFallWhenAbove() {
    // given a reserve of 500 micros and a reference price of 2000 micros
    AdaptiveReserve r = new AdaptiveReserve(500, 100, 3000, 2000, 0.5);
    // when periods clear at 1000 micros an impression (half the reference)
    long first = r.observe(10_000, 10);
    long second = r.observe(10_000, 10);
    // then the reserve rises each period, by exp(0.5 x 0.5)
    assertThat(first).isEqualTo(Math.round(500 * StrictMath.exp(0.25)));
    assertThat(second).isGreaterThan(first);
    // and when prices clear above the reference it falls
    assertThat(r.observe(30_000, 10)).isLessThan(second);
  }

  @Test
  void reserveShouldStayWithinItsBoundsAndTreatAPeriodWithoutSalesAsPriceZero() {
    // given a reserve near its maximum
    AdaptiveReserve r = new AdaptiveReserve(2900, 100, 3000, 2000, 1.0);
    // when nothing sells
    // then it rises but never above the maximum
    assertThat(r.observe(0, 0)).isEqualTo(3000);
    // and prices far above the reference push it down, never below the minimum
    for (int i = 0; i < 50; i++) {
      r.observe(100_000, 10);
    }
    assertThat(r.reserveMicros()).isEqualTo(100);
  }

  @Test
  void badBoundsShouldBeRefused() {
    assertThatThrownBy(() -> new AdaptiveReserve(50, 100, 3000, 2000, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AdaptiveReserve(500, 100, 3000, 0, 1.0)).isInstanceOf(IllegalArgumentException.class);
  }
}
