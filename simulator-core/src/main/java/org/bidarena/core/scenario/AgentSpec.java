package org.bidarena.core.scenario;

/**
 * One bidder agent. Money in micro-units; bids are per impression.
 *
 * @param strategy the name of its strategy in the {@link StrategyCatalog}
 * @param stageMask bit i set when the agent bids on stage i
 * @param frequencyCap the most impressions a day the agent buys for one customer
 * @param relevance the agent's personalisation: a factor on the customer's click probability
 * @param settings its strategy's settings, validated against the strategy's declaration
 */
public record AgentSpec(
    String id,
    String strategy,
    long dailyBudgetMicros,
    Pacing pacing,
    int frequencyCap,
    double relevance,
    int stageMask,
    StrategySettings settings) {

  public boolean targets(int stage) {
    return (stageMask & (1 << stage)) != 0;
  }
}
