package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Adaptive judges ROAS only once it has seen {@code min-conversions} conversions; it explores before. */
class AdaptiveEvidenceTest {
  private static AdaptiveStrategy strategy(double minConversions) {
    return new AdaptiveStrategy(1_000_000, 1.0, new AdaptiveStrategy.Settings(3.0, 0.25, 0.02, 0.5, 2.5, 48,
        minConversions));
  }

  /** A tick that bids 100 times, wins 40 (a win rate above target), spends 1.0 and earns what is given. */
  private static TickSettlement tick(long t, int conversions, long revenue) {
    return new TickSettlement(t, 100, 100_000_000, 40, 1_000_000, 0, conversions, revenue);
  }

  @Test
  void withoutEvidenceItShouldNotCollapseToItsFloor() {
    // given: no conversion at all for two days, so ROAS reads 0
    AdaptiveStrategy gated = strategy(3);
    AdaptiveStrategy ungated = strategy(0);

    // when
    for (int t = 0; t < 192; t++) {
      gated.onTickSettled(tick(t, 0, 0));
      ungated.onTickSettled(tick(t, 0, 0));
    }

    // then: judging ROAS on no evidence drives the multiplier to its floor; the gate keeps it exploring
    assertThat(ungated.multiplier()).isCloseTo(0.5, within(1e-9));
    assertThat(gated.multiplier()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void withoutEvidenceItShouldRaiseItsBidsWhenItWinsTooRarely() {
    // given
    AdaptiveStrategy s = strategy(3);

    // when: it wins 5 of 100, below its 25% target, and has no conversion
    s.onTickSettled(new TickSettlement(0, 100, 100_000_000, 5, 1_000_000, 0, 0, 0));

    // then
    assertThat(s.multiplier()).isCloseTo(1.02, within(1e-12));
  }

  @Test
  void onceItHasTheEvidenceItShouldJudgeRoas() {
    // given: two conversions, then a third, all at a ROAS far below target
    AdaptiveStrategy s = strategy(3);
    s.onTickSettled(tick(0, 2, 100_000));
    assertThat(s.multiplier()).as("two conversions are not yet evidence").isCloseTo(1.0, within(1e-12));

    // when
    s.onTickSettled(tick(1, 1, 100_000));

    // then
    assertThat(s.multiplier()).isCloseTo(0.98, within(1e-12));
  }

  @Test
  void theConversionsSeenShouldSurviveACheckpoint() {
    // given
    AdaptiveStrategy s = strategy(3);
    s.onTickSettled(tick(0, 2, 100_000));

    // when
    AdaptiveStrategy restored = strategy(3);
    restored.restore(s.state());
    s.onTickSettled(tick(1, 1, 100_000));
    restored.onTickSettled(tick(1, 1, 100_000));

    // then
    assertThat(restored.multiplier()).isEqualTo(s.multiplier()).isCloseTo(0.98, within(1e-12));
  }
}
