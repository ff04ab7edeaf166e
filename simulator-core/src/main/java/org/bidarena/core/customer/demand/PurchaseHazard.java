package org.bidarena.core.customer.demand;

import static org.bidarena.core.customer.CustomerBucket.TOUCHES;

import java.util.List;
import org.bidarena.core.customer.CustomerBucket;
import org.bidarena.core.customer.memory.TouchHistory;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.CustomerModelSpec;
import org.bidarena.core.scenario.DemandSpec;

/**
 * The purchase hazard of a customer: organic demand plus the decaying lift of each remembered ad touch
 * (additive hazards, docs/market-model-2.md, "Organic demand and causal credit"):
 *
 * <pre>
 * h = organic[stage] + sum over touches k of lift[agent_k] x (clicked_k ? click : impression) x 2^(-age_k / half-life)
 * </pre>
 * per day, for a customer of propensity 1. A customer buys on a page view with probability
 * {@code 1 - exp(-propensity x h / visits-per-day[stage])}; page views follow the daily and weekly curves,
 * so purchases do too, and the expected purchases a day are about propensity x h x the day-of-week factor.
 * Because the terms add, touch k's expected share of a purchase is {@code term_k / h}: its causal credit.
 */
public final class PurchaseHazard {
  private final double[] organic;
  private final double[] visitsPerDay;
  private final double[] agentLift;
  private final double impressionLift;
  private final double clickLift;
  /** decay[age in ticks] = 2^(-age / half-life), for ages below its length; 0 beyond (below 2^-60). */
  private final double[] decay;

  public PurchaseHazard(CustomerModelSpec spec, List<AgentSpec> agents, int ticksPerDay) {
    DemandSpec d = spec.demand();
    this.organic = d.organicPerDay().values().clone();
    this.visitsPerDay = spec.visitsPerDay().values().clone();
    this.agentLift = agents.stream().mapToDouble(AgentSpec::lift).toArray();
    this.impressionLift = d.impressionLift();
    this.clickLift = d.clickLift();
    double halfLifeTicks = d.liftHalfLifeDays() * ticksPerDay;
    int length = (int) Math.min(1 << 20, Math.ceil(60 * halfLifeTicks) + 1);
    this.decay = new double[length];
    for (int age = 0; age < length; age++) {
      decay[age] = StrictMath.pow(2, -age / halfLifeTicks);
    }
  }

  /**
   * The hazard per day of row i at tick {@code now} in {@code stage}; fills {@code terms[j]} with the
   * term of its j-th touch oldest first (0 for an empty slot) and returns the total, organic included.
   */
  public double hazard(CustomerBucket b, int i, int stage, int now, double[] terms) {
    double total = organic[stage];
    for (int j = 0; j < TOUCHES; j++) {
      int k = TouchHistory.ordered(b, i, j);
      int agent = b.touchAgent[k];
      double term = 0;
      if (agent >= 0) {
        int age = now - b.touchTick[k];
        if (age >= 0 && age < decay.length) {
          term = agentLift[agent] * (TouchHistory.clicked(b, k) ? clickLift : impressionLift) * decay[age];
        }
      }
      terms[j] = term;
      total += term;
    }
    return total;
  }

  public double organic(int stage) {
    return organic[stage];
  }

  /** The chance of a purchase at one page view, from the hazard per day. */
  public double perVisit(double hazardPerDay, float propensity, int stage) {
    double visits = visitsPerDay[stage];
    if (visits <= 0 || hazardPerDay <= 0) {
      return 0;
    }
    return -StrictMath.expm1(-propensity * hazardPerDay / visits);
  }

  /**
   * Whether a page view with the uniform draw {@code u} ends in a purchase: {@code u < perVisit(...)}, decided
   * without the exponential when it can be. Since 1 - e^-x < x for x > 0, a draw at or above x (with a margin
   * far wider than expm1's error of under one ulp) cannot buy; most draws are, as purchases are rare.
   */
  public boolean buys(double u, double hazardPerDay, float propensity, int stage) {
    double visits = visitsPerDay[stage];
    if (visits <= 0 || hazardPerDay <= 0) {
      return false;
    }
    double x = propensity * hazardPerDay / visits;
    if (u >= x * (1 + 1e-9)) {
      return false;
    }
    return u < -StrictMath.expm1(-x);
  }
}
