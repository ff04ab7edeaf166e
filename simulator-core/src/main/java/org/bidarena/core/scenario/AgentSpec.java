package org.bidarena.core.scenario;

import java.util.List;

/**
 * One bidder agent. Money in micro-units; bids are per impression.
 *
 * @param strategy the name of its strategy in the {@link StrategyCatalog}
 * @param stageMask bit i set when the agent bids on stage i
 * @param frequencyCap the most impressions a day the agent buys for one customer
 * @param relevance the agent's personalisation: a factor on the customer's click probability
 * @param settings its strategy's settings, validated against the strategy's declaration
 * @param interestMask the interest signals the agent's ads speak to (bit i = customers.features.interests[i]);
 *     a customer sharing one clicks more (customers.ctr.interest-match)
 * @param lift a factor on the purchase hazard the agent's touches add (0 = its ads cause no purchase)
 * @param creatives the agent's creatives, at least one; index i is creative i in impressions and touches
 */
public record AgentSpec(
    String id,
    String strategy,
    long dailyBudgetMicros,
    Pacing pacing,
    int frequencyCap,
    double relevance,
    int stageMask,
    StrategySettings settings,
    int interestMask,
    double lift,
    List<CreativeSpec> creatives) {

  public AgentSpec {
    creatives = List.copyOf(creatives);
    if (creatives.isEmpty()) {
      throw new IllegalArgumentException("an agent needs at least one creative");
    }
  }

  /** An agent with no declared interests, lift 1 and the one default creative. */
  public AgentSpec(
      String id, String strategy, long dailyBudgetMicros, Pacing pacing, int frequencyCap, double relevance,
      int stageMask, StrategySettings settings) {
    this(id, strategy, dailyBudgetMicros, pacing, frequencyCap, relevance, stageMask, settings, 0, 1.0,
        List.of(CreativeSpec.DEFAULT));
  }

  public boolean targets(int stage) {
    return (stageMask & (1 << stage)) != 0;
  }
}
