package org.bidarena.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Adstock and Hill curves against their formulas, computed here independently. */
class ResponseCurvesTest {
  @Test
  void geometricAdstockShouldWeighLagLByDecayToTheLAndNothingPastTheMaxLag() {
    // given
    Adstock a = Adstock.geometric(0.4, 3);
    long[] spend = {100, 200, 300, 400, 500};
    // then
    assertThat(a.weight(0)).isEqualTo(1.0);
    assertThat(a.weight(2)).isCloseTo(0.16, within(1e-12));
    assertThat(a.weight(4)).isZero();
    // day 4 carries days 3, 2, 1 (lags 1..3), not day 0 (lag 4)
    assertThat(a.carry(spend, 4)).isCloseTo(0.4 * 400 + 0.16 * 300 + 0.064 * 200, within(1e-9));
    assertThat(a.totalWeight()).isCloseTo(1 + 0.4 + 0.16 + 0.064, within(1e-12));
  }

  @Test
  void weibullAdstockShouldFollowTheSurvivalFunction() {
    // given shape 2, scale 3: w(l) = exp(-(l/3)^2)
    Adstock a = Adstock.weibull(2, 3, 10);
    // then
    for (int l = 1; l <= 10; l++) {
      assertThat(a.weight(l)).isCloseTo(Math.exp(-Math.pow(l / 3.0, 2)), within(1e-12));
    }
    assertThat(a.weight(11)).isZero();
    // a shape above 1 holds the effect before it drops: lag 1 keeps more than geometric decay with the same lag-3 weight
    assertThat(a.weight(1)).isGreaterThan(Math.pow(a.weight(3), 1.0 / 3));
    long[] spend = new long[12];
    spend[0] = 1000;
    assertThat(a.carry(spend, 5)).isCloseTo(1000 * Math.exp(-25.0 / 9), within(1e-9));
    assertThat(a.carry(spend, 11)).isZero();
  }

  @Test
  void hillShouldBeHalfAtTheHalfSaturationPointAndFollowItsFormula() {
    // given
    HillSaturation h = new HillSaturation(4_000_000, 1.7);
    // then
    assertThat(h.at(4_000_000)).isCloseTo(0.5, within(1e-12));
    assertThat(h.at(0)).isZero();
    for (double x : new double[] {1e5, 1e6, 3e6, 1e7, 1e9}) {
      double expected = Math.pow(x, 1.7) / (Math.pow(x, 1.7) + Math.pow(4e6, 1.7));
      assertThat(h.at(x)).isCloseTo(expected, within(1e-12));
    }
    // an S-curve: the slope grows before the half-saturation point
    assertThat(h.at(2e6) - h.at(1e6)).isGreaterThan(h.at(1e6) - h.at(0));
  }

  @Test
  void aChannelShouldMultiplyTheCeilingTheSaturationAndTheDayOfWeek() {
    // given
    double[] week = {1.2, 1, 1, 1, 1, 0.8, 1};
    ChannelSpec c = new ChannelSpec("x", "x", 1_000_000, 500, new HillSaturation(2e9, 1), Adstock.geometric(0.5, 2),
        new Seasonality(week), 0, null, null, Double.NaN, false);
    // then: day 7 is a Monday again
    assertThat(c.expectedConversions(2e9, 0)).isCloseTo(500 * 0.5 * 1.2, within(1e-9));
    assertThat(c.expectedConversions(2e9, 5)).isCloseTo(500 * 0.5 * 0.8, within(1e-9));
    assertThat(c.expectedConversions(2e9, 7)).isCloseTo(500 * 0.5 * 1.2, within(1e-9));
  }

  @Test
  void aMarketShouldAddYesterdaysCarryOverAndAverageItsNoiseToTheExpectation() {
    // given one channel with 10% noise, spending the same every day
    ChannelSpec c = Fixtures.channel("c", 100_000, 1000, 5_000_000_000L, 1, Adstock.geometric(0.5, 1), 0.1);
    int days = 400;
    ChannelMarket m = new ChannelMarket(java.util.List.of(c), 7, Fixtures.ORDER_VALUE, Fixtures.MARGIN, days);
    long spend = 5_000_000_000L;
    // when
    double expectedSum = 0;
    long observedSum = 0;
    for (int d = 0; d < days; d++) {
      double expected = m.expectedConversions(0, d, spend);
      if (d > 0) {
        // today's effective spend is today's plus half of yesterday's
        assertThat(expected).isCloseTo(1000 * 7.5e9 / (7.5e9 + 5e9), within(1e-9));
      }
      expectedSum += expected;
      Outcome o = m.play(new long[] {spend})[0];
      observedSum += o.conversions();
      assertThat(o.clicks()).isEqualTo(50_000);
    }
    // then the noise has mean 1: the observed total is within 1% of the expected total
    assertThat((double) observedSum / expectedSum).isCloseTo(1.0, within(0.01));
  }
}
