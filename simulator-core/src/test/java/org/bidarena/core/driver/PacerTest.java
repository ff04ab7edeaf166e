package org.bidarena.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {
  @Test
  void asFastAsPossibleByDefault() {
    Pacer p = new Pacer();
    assertThat(p.delayNanos(0)).isZero();
    assertThat(p.delayNanos(1)).isZero();
  }

  @Test
  void pausedHoldsUntilAStepLetsExactlyOneTickThrough() {
    Pacer p = new Pacer();
    p.pause();
    assertThat(p.delayNanos(0)).isEqualTo(Pacer.HOLD);
    p.step();
    assertThat(p.delayNanos(1)).isZero();
    assertThat(p.delayNanos(2)).isEqualTo(Pacer.HOLD);
    p.resume();
    assertThat(p.delayNanos(3)).isZero();
  }

  @Test
  void aStepWhileRunningIsIgnored() {
    Pacer p = new Pacer();
    p.step();
    p.pause();
    assertThat(p.delayNanos(0)).isEqualTo(Pacer.HOLD);
  }

  @Test
  void aSpeedSpacesTickStarts() {
    Pacer p = new Pacer();
    p.speed(10); // 100 ms apart
    assertThat(p.delayNanos(1_000_000_000L)).isZero();
    assertThat(p.delayNanos(1_030_000_000L)).isEqualTo(70_000_000L);
    assertThat(p.delayNanos(1_100_000_000L)).isZero();
    p.speed(0);
    assertThat(p.delayNanos(1_100_000_001L)).isZero();
  }
}
