package org.bidarena.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportingSpecTest {
  @Test
  void marginOfShouldRoundDownExactlyWithoutOverflow() {
    // given
    ReportingSpec thirty = new ReportingSpec(300_000);
    // when / then
    assertThat(thirty.marginOf(45_000_000L)).isEqualTo(13_500_000L);
    assertThat(thirty.marginOf(7L)).as("2.1 micros, rounded down").isEqualTo(2L);
    assertThat(thirty.marginOf(Long.MAX_VALUE)).isEqualTo(2_767_011_611_056_432_742L);
    assertThat(new ReportingSpec(1_000_000).marginOf(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(new ReportingSpec(0).marginOf(123_456_789L)).isZero();
  }

  @Test
  void aMarginOutsideZeroToOneShouldBeRefused() {
    assertThatThrownBy(() -> new ReportingSpec(1_000_001)).hasMessageContaining("1000001");
    assertThatThrownBy(() -> new ReportingSpec(-1)).hasMessageContaining("-1");
  }
}
