package org.bidarena.analysis.metrics;

import java.util.List;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.core.scenario.Scenario;

/**
 * The per-tick, per-agent figures of a run as CSV: {@code ticks.csv}. Conversions and revenue are last-click
 * attributed; profit is the row's revenue x margin - spend; new customers and the incremental (ground-truth)
 * figures come from the customer shards' journal (0 where it does not record them).
 */
public final class TicksCsv {
  public static final String HEADER =
      "tick,day,tick_of_day,agent,auctions,bids,bid_sum_micros,impressions,clicks,conversions,new_customers,"
          + "spend_micros,revenue_micros,profit_micros,incremental_conversions,incremental_revenue_micros,"
          + "spent_today_micros,multiplier\n";

  private TicksCsv() {}

  public static String of(Scenario scenario, List<BidderTickSettled> ticks, TickOutcomes outcomes) {
    StringBuilder b = new StringBuilder(HEADER);
    long margin = scenario.reporting().marginPpm();
    for (BidderTickSettled s : ticks) {
      long[] o = outcomes.of(s.tick(), scenario.agentIndex(s.agent()));
      b.append(s.tick()).append(',').append(scenario.day(s.tick())).append(',').append(scenario.tickOfDay(s.tick()))
          .append(',').append(s.agent()).append(',').append(s.auctions()).append(',').append(s.bids()).append(',')
          .append(s.bidSumMicros()).append(',').append(s.impressions()).append(',').append(s.clicks()).append(',')
          .append(s.conversions()).append(',').append(o[TickOutcomes.NEW_CUSTOMERS]).append(',')
          .append(s.spendMicros()).append(',').append(s.revenueMicros()).append(',')
          .append(Ratios.margin(s.revenueMicros(), margin) - s.spendMicros()).append(',')
          .append(o[TickOutcomes.INCREMENTAL_CONVERSIONS]).append(',').append(o[TickOutcomes.INCREMENTAL_REVENUE])
          .append(',').append(s.spentTodayMicros()).append(',').append(RunSummary.ratio(s.multiplier())).append('\n');
    }
    return b.toString();
  }
}
