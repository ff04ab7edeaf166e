package org.bidarena.core.scenario;

/**
 * One bidder agent. Money in micro-units; bids are per impression.
 *
 * @param stageMask bit i set when the agent bids on stage i
 * @param multiplier the factor on the base bid (the starting factor for adaptive)
 * @param fixedBidMicros the bid of the fixed baseline
 * @param frequencyCap the most impressions a day the agent buys for one customer
 * @param relevance the agent's personalisation: a factor on the customer's click probability
 */
public record AgentSpec(
    String id,
    StrategyKind strategy,
    long dailyBudgetMicros,
    Pacing pacing,
    int frequencyCap,
    double relevance,
    int stageMask,
    double multiplier,
    long fixedBidMicros,
    Adaptive adaptive) {

  public boolean targets(int stage) {
    return (stageMask & (1 << stage)) != 0;
  }

  /** Settings of the adaptive strategy: it steers its multiplier toward a target ROAS and win rate. */
  public record Adaptive(
      double targetRoas, double targetWinRate, double step, double minMultiplier, double maxMultiplier, double halfLifeTicks) {}
}
