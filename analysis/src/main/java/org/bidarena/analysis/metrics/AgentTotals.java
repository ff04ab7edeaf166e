package org.bidarena.analysis.metrics;

import org.bidarena.agents.BidderTickSettled;
import org.bidarena.core.scenario.AgentSpec;

/** Sums one agent's settled ticks into its run totals; the live summary, replay and what-if all use it. */
public final class AgentTotals {
  private long auctions, bids, bidSum, impressions, clicks, conversions, spend, revenue, maxDailySpend;

  public void add(BidderTickSettled s) {
    auctions += s.auctions();
    bids += s.bids();
    bidSum += s.bidSumMicros();
    impressions += s.impressions();
    clicks += s.clicks();
    conversions += s.conversions();
    // exact: a journal whose totals overflow is refused, never printed wrapped
    spend = Math.addExact(spend, s.spendMicros());
    revenue = Math.addExact(revenue, s.revenueMicros());
    maxDailySpend = Math.max(maxDailySpend, s.spentTodayMicros());
  }

  public long impressions() {
    return impressions;
  }

  /** The agent's figures, with the outcome figures of agent index {@code index} from {@code tally}. */
  public AgentMetrics metrics(AgentSpec agent, int index, OutcomeTally tally, long marginPpm) {
    return new AgentMetrics(
        agent.id(), agent.strategy(), agent.dailyBudgetMicros(), auctions, bids, bidSum, impressions, clicks,
        conversions, spend, revenue, maxDailySpend, tally.newCustomers[index], tally.acquiredRevenue[index],
        tally.incrementalConversions[index], tally.incrementalRevenue[index], tally.causes(), marginPpm);
  }
}
