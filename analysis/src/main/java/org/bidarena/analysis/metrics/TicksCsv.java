package org.bidarena.analysis.metrics;

import java.util.List;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.core.scenario.Scenario;

/** The per-tick, per-agent figures of a run as CSV: {@code ticks.csv}. */
public final class TicksCsv {
  private TicksCsv() {}

  public static String of(Scenario scenario, List<BidderTickSettled> ticks) {
    StringBuilder b = new StringBuilder(
        "tick,day,tick_of_day,agent,auctions,bids,bid_sum_micros,impressions,clicks,conversions,spend_micros,"
            + "revenue_micros,spent_today_micros,multiplier\n");
    for (BidderTickSettled s : ticks) {
      b.append(s.tick()).append(',').append(scenario.day(s.tick())).append(',').append(scenario.tickOfDay(s.tick()))
          .append(',').append(s.agent()).append(',').append(s.auctions()).append(',').append(s.bids()).append(',')
          .append(s.bidSumMicros()).append(',').append(s.impressions()).append(',').append(s.clicks()).append(',')
          .append(s.conversions()).append(',').append(s.spendMicros()).append(',').append(s.revenueMicros())
          .append(',').append(s.spentTodayMicros()).append(',').append(RunSummary.ratio(s.multiplier())).append('\n');
    }
    return b.toString();
  }
}
