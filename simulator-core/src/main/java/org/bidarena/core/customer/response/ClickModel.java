package org.bidarena.core.customer.response;

import java.util.List;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.CustomerModelSpec;
import org.bidarena.core.scenario.ResponseSpec;

/**
 * The true click probability of one impression (docs/market-model-2.md, "Clicks"):
 *
 * <pre>
 * p = base x stage[s] x device[d] x (interest match ? interest-match : 1) x propensity^w x relevance[a]
 *       x appeal[creative] x wear[creative] x (fatigued ? 1 - fatigue-drop : 1)
 *       x (customer's last click, within the window, was on this agent ? retargeting-lift : 1)
 * </pre>
 * capped at 1. A customer is fatigued of an agent once its recent exposures to that agent (halved every day)
 * reach fatigue-threshold. The interest match needs the agent to declare interests (agent key
 * {@code interests}) and the customer to hold one of them.
 */
public final class ClickModel {
  private final double base;
  private final double[] stageFactor;
  private final double[] deviceFactor;
  private final double interestMatch;
  private final double propensityWeight;
  private final double[] relevance;
  private final int[] agentInterests;
  private final int fatigueThreshold;
  private final double fatigueKeep;
  private final double retargetingLift;

  public ClickModel(CustomerModelSpec spec, List<AgentSpec> agents) {
    ResponseSpec r = spec.response();
    this.base = spec.baseCtr();
    this.stageFactor = spec.ctrStageFactor().values().clone();
    this.deviceFactor = r.deviceFactor().clone();
    this.interestMatch = r.interestMatch();
    this.propensityWeight = r.propensityWeight();
    this.relevance = agents.stream().mapToDouble(AgentSpec::relevance).toArray();
    this.agentInterests = agents.stream().mapToInt(AgentSpec::interestMask).toArray();
    this.fatigueThreshold = spec.fatigueThreshold();
    this.fatigueKeep = 1 - spec.fatigueDrop();
    this.retargetingLift = spec.retargetingLift();
  }

  public boolean fatigued(int recentExposures) {
    return recentExposures >= fatigueThreshold;
  }

  public double probability(
      int stage, int device, int interests, float propensity, int agent, double creativeFactor, boolean fatigued,
      boolean retargeted) {
    double p = base * stageFactor[stage] * deviceFactor[device] * relevance[agent] * creativeFactor;
    if ((agentInterests[agent] & interests) != 0) {
      p *= interestMatch;
    }
    if (propensityWeight != 0) {
      p *= propensityWeight == 0.5 ? StrictMath.sqrt(propensity) : StrictMath.pow(propensity, propensityWeight);
    }
    if (fatigued) {
      p *= fatigueKeep;
    }
    if (retargeted) {
      p *= retargetingLift;
    }
    return Math.min(1.0, p);
  }
}
