package org.bidarena.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * The default scenario's market over 28 days, run through the pure model with a stand-in exchange that fills
 * 95% of visits (the default run's fill): the funnel holds, and CTR and the ad-caused share of purchases sit in
 * their published ranges. The stand-in spreads wins evenly over agents, so fatigue (which depends on how
 * bidders concentrate on customers) is checked on the real default run, in app's DefaultRunTest.
 */
class MarketModelCalibrationTest {
  /** The default run sells about 95% of its auctions. */
  private static final double FILL = 0.95;

  private static SyntheticMarket defaultMarket(int customers) {
    Scenario s = ScenarioLoader.loadDefault(
        List.of("customers.count=" + customers, "customers.shards=1", "exchange.partitions=1"), 42L,
        TestCatalog.installedOrStandIn());
    return new SyntheticMarket(s, FILL);
  }

  @Test
  void stageMixStaysWithinFivePointsOfTheInitialMixOver28Days() {
    // given
    SyntheticMarket m = defaultMarket(20_000);
    double[] initial = m.scenario.customers().initialMix().values();
    double worst = 0;
    // when
    for (int day = 0; day < 28; day++) {
      m.runDays(1);
      double[] mix = m.mix();
      for (int s = 0; s < mix.length; s++) {
        worst = Math.max(worst, Math.abs(mix[s] - initial[s]));
      }
    }
    // then
    System.out.println("28 days: " + m.report() + " worst drift " + worst);
    assertThat(worst).as("largest distance of any stage's share from its initial share, any day").isLessThan(0.05);
  }

  @Test
  void ctrAndAdCausedShareAreInTheirRanges() {
    // given
    SyntheticMarket m = defaultMarket(10_000);
    // when
    m.runDays(7);
    // then
    System.out.println("7 days: " + m.report());
    assertThat(m.fatigued).as("fatigue is counted").isPositive();
    double ctr = (double) m.clicks / m.impressions;
    // the README market check's published ranges: CTR 0.05-0.6%, ads cause 3-20% of purchases
    assertThat(ctr).isBetween(0.0005, 0.006);
    double adShare = (double) m.adCaused / m.purchases;
    assertThat(adShare).isBetween(0.03, 0.20);
  }
}
