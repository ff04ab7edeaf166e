package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdaptiveStrategyTest {
  // target ROAS 2.0, target win rate 0.3, step 0.1, multiplier in [0.5, 2.0], half-life 4 ticks
  private static final AdaptiveStrategy.Settings SETTINGS = Fixtures.ADAPTIVE;
  private static final long BASE = 1_000_000;

  private static AdaptiveStrategy strategy() {
    return new AdaptiveStrategy(BASE, 1.0, SETTINGS);
  }

  /** 100 bids at 1.0 each; the given wins, spend and revenue. */
  private static TickSettlement tick(long tick, int impressions, long spend, long revenue) {
    return new TickSettlement(tick, 100, 100 * BASE, impressions, spend, impressions / 10, 1, revenue);
  }

  @Test
  void shouldRaiseMultiplierWhenWinRateIsLowAndRoasIsGood() {
    // given
    AdaptiveStrategy s = strategy();

    // when: win rate 0.1 < 0.3, ROAS 5 >= 2
    s.onTickSettled(tick(0, 10, 5_000_000, 25_000_000));

    // then
    assertThat(s.multiplier()).isCloseTo(1.1, within(1e-12));
    assertThat(s.bid(Fixtures.context(1, 0, 0))).isEqualTo(1_100_000);
  }

  @Test
  void shouldLowerMultiplierWhenRoasIsPoor() {
    // given
    AdaptiveStrategy s = strategy();

    // when: ROAS 1 < 2, even though the win rate is low too
    s.onTickSettled(tick(0, 10, 5_000_000, 5_000_000));

    // then
    assertThat(s.multiplier()).isCloseTo(0.9, within(1e-12));
    assertThat(s.bid(Fixtures.context(1, 0, 0))).isEqualTo(900_000);
  }

  @Test
  void shouldHoldMultiplierWhenBothTargetsAreMet() {
    // given
    AdaptiveStrategy s = strategy();

    // when: win rate 0.5, ROAS 3
    s.onTickSettled(tick(0, 50, 10_000_000, 30_000_000));

    // then
    assertThat(s.multiplier()).isEqualTo(1.0);
  }

  @Test
  void shouldRaiseBidsWhenItBidsButNeverWins() {
    // given
    AdaptiveStrategy s = strategy();

    // when
    s.onTickSettled(tick(0, 0, 0, 0));

    // then
    assertThat(s.multiplier()).isCloseTo(1.1, within(1e-12));
  }

  @Test
  void shouldWeighRecentTicksMoreThanOldOnes() {
    // given: a long poor-ROAS history followed by good ticks
    AdaptiveStrategy s = strategy();
    for (int t = 0; t < 20; t++) {
      s.onTickSettled(tick(t, 50, 10_000_000, 5_000_000));
    }
    double afterPoor = s.multiplier();

    // when: after enough half-lives, the good ticks dominate and the low win rate pushes the multiplier up
    for (int t = 20; t < 60; t++) {
      s.onTickSettled(tick(t, 10, 1_000_000, 10_000_000));
    }

    // then
    assertThat(afterPoor).isEqualTo(SETTINGS.minMultiplier());
    assertThat(s.multiplier()).isEqualTo(SETTINGS.maxMultiplier());
  }

  @Test
  void shouldStayWithinBounds() {
    // given
    AdaptiveStrategy up = strategy();
    AdaptiveStrategy down = strategy();

    // when
    for (int t = 0; t < 200; t++) {
      up.onTickSettled(tick(t, 1, 100_000, 10_000_000));
      down.onTickSettled(tick(t, 90, 90_000_000, 1_000_000));
    }

    // then
    assertThat(up.multiplier()).isEqualTo(2.0);
    assertThat(down.multiplier()).isEqualTo(0.5);
  }

  @Test
  void restoreOfStateShouldGiveIdenticalFutureBids() {
    // given: a strategy with some history, and a fresh one restored from its state
    AdaptiveStrategy original = strategy();
    for (int t = 0; t < 7; t++) {
      original.onTickSettled(tick(t, 5 + 7 * t, 1_000_000L * (t + 1), 2_500_000L * (7 - t)));
    }
    AdaptiveStrategy restored = new AdaptiveStrategy(BASE, 1.0, SETTINGS);
    restored.restore(original.state());

    // when: both see the same future
    for (int t = 7; t < 30; t++) {
      TickSettlement s = tick(t, (t * 13) % 60, 700_000L * (t % 5), 1_900_000L * (t % 3));
      original.onTickSettled(s);
      restored.onTickSettled(s);

      // then
      assertThat(restored.bid(Fixtures.context(t + 1, 0, 0))).isEqualTo(original.bid(Fixtures.context(t + 1, 0, 0)));
      assertThat(restored.state()).isEqualTo(original.state());
    }
  }

  @Test
  void stateShouldBeACopy() {
    AdaptiveStrategy s = strategy();
    double[] state = s.state();
    state[0] = 99;

    assertThat(s.multiplier()).isEqualTo(1.0);
    assertThat(s.state()).hasSize(5);
  }
}
