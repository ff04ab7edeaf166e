package org.bidarena.core.customer.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/** The purchase decision's shortcut must decide exactly as the exact per-visit probability does. */
class PurchaseHazardTest {
  private final Scenario scenario = ScenarioLoader.loadDefault(List.of(), 42L, TestCatalog.installedOrStandIn());
  private final PurchaseHazard hazard =
      new PurchaseHazard(scenario.customers(), scenario.agents(), scenario.ticksPerDay());

  @Test
  void buysDecidesAsTheExactProbabilityForDrawsOnBothSidesOfIt() {
    SplittableRandom random = new SplittableRandom(7);
    int purchases = 0;
    for (int n = 0; n < 2_000_000; n++) {
      int stage = random.nextInt(6);
      double h = random.nextDouble() < 0.01 ? random.nextDouble() * 10 : random.nextDouble() * 0.05;
      float propensity = (float) (random.nextDouble() * 3);
      double p = hazard.perVisit(h, propensity, stage);
      // Half the draws land next to the probability, where a wrong bound would show.
      double u = random.nextBoolean() ? random.nextDouble() : Math.max(0, p + (random.nextDouble() - 0.5) * 1e-15);
      boolean exact = u < p;
      assertThat(hazard.buys(u, h, propensity, stage)).as("u=%s h=%s propensity=%s stage=%s", u, h, propensity,
          stage).isEqualTo(exact);
      purchases += exact ? 1 : 0;
    }
    assertThat(purchases).as("the draws include purchases").isGreaterThan(100_000);
  }

  @Test
  void noHazardOrNoVisitsMeansNoPurchase() {
    assertThat(hazard.buys(0.0, 0.0, 1f, 2)).isFalse();
    assertThat(hazard.perVisit(0.0, 1f, 2)).isZero();
  }
}
