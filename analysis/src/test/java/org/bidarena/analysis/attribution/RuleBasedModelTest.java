package org.bidarena.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bidarena.analysis.attribution.RuleBasedModel.Rule;
import org.junit.jupiter.api.Test;

class RuleBasedModelTest {
  private static final double E = 1e-9;

  @Test
  void positionBasedGivesOneTouchAllAndTwoTouchesHalfEach() {
    // given a single-touch path (a) and a two-touch path (b, c), each converting once
    TouchLog log = new TouchLog(2).touch(0, 1, 0, 0).conversion(0, 2, 100)
        .touch(1, 1, 1, 0).touch(1, 3, 2, 0).conversion(1, 4, 300);
    // when
    Credits c = new RuleBasedModel(Rule.POSITION, 10).attribute(journeys(log, 3));
    // then
    assertThat(c.conversions()).containsExactly(new double[] {1, 0.5, 0.5}, within(E));
    assertThat(c.revenueMicros()).containsExactly(new double[] {100, 150, 150}, within(E));
  }

  @Test
  void positionBasedGivesFortyTwentyFortyOnLongerPaths() {
    // given a, b, c, d, e then a purchase
    TouchLog log = new TouchLog(1);
    for (int k = 0; k < 5; k++) {
      log.touch(0, k, k, 0);
    }
    log.conversion(0, 9, 1);
    // when
    Credits c = new RuleBasedModel(Rule.POSITION, 10).attribute(journeys(log, 5));
    // then the first and last 40%, the three between 20% / 3 each
    assertThat(c.conversions()).containsExactly(new double[] {0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4}, within(E));
  }

  @Test
  void timeDecayHalvesATouchsWeightPerHalfLife() {
    // given touches 0, 8 and 16 ticks before the purchase, half-life 8 ticks: weights 1/4 : 1/2 : 1
    TouchLog log = new TouchLog(1).touch(0, 4, 0, 0).touch(0, 12, 1, 0).touch(0, 20, 2, 0).conversion(0, 20, 700);
    // when
    Credits c = new RuleBasedModel(Rule.TIME_DECAY, 8).attribute(journeys(log, 3));
    // then
    assertThat(c.conversions()).containsExactly(new double[] {1.0 / 7, 2.0 / 7, 4.0 / 7}, within(E));
    assertThat(c.revenueMicros()).containsExactly(new double[] {100, 200, 400}, within(1e-6));
  }

  @Test
  void timeDecayOfVeryOldTouchesStillSumsToOne() {
    // given two touches a million ticks before the purchase, a 1-tick half-life (2^-1e6 underflows)
    TouchLog log = new TouchLog(1).touch(0, 0, 0, 0).touch(0, 1, 1, 0).conversion(0, 1_000_000, 1);
    // when
    Credits c = new RuleBasedModel(Rule.TIME_DECAY, 1).attribute(journeys(log, 2));
    // then
    assertThat(c.conversions()).containsExactly(new double[] {1.0 / 3, 2.0 / 3}, within(E));
  }

  @Test
  void lastFirstAndLinearCreditTheirTouches() {
    // given a, b, b, c then a purchase worth 4
    TouchLog log = new TouchLog(1).touch(0, 1, 0, 0).touch(0, 2, 1, 0).touch(0, 3, 1, 0).touch(0, 4, 2, 0)
        .conversion(0, 5, 4);
    Journeys j = journeys(log, 3);
    // when / then
    assertThat(new RuleBasedModel(Rule.LAST, 1).attribute(j).conversions()).containsExactly(0, 0, 1);
    assertThat(new RuleBasedModel(Rule.FIRST, 1).attribute(j).conversions()).containsExactly(1, 0, 0);
    assertThat(new RuleBasedModel(Rule.LINEAR, 1).attribute(j).revenueMicros())
        .containsExactly(new double[] {1, 2, 1}, within(E));
  }

  private static Journeys journeys(TouchLog log, int keys) {
    return Journeys.of(log, Logs.keys(keys), Journeys.SINCE_PREVIOUS_CONVERSION);
  }
}
