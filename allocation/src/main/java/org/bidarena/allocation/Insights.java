package org.bidarena.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rule-based insights on one seed's days, in two voices. The analyst reads the outcomes the way an advertiser
 * could: each channel's ROAS over the last week against the week before, and days whose conversions per unit
 * of money fall outside three standard deviations of the channel's previous week. The strategist uses the
 * simulator's ground truth: each channel's true marginal ROAS at the last split, and a recommended shift from
 * the lowest to the highest marginal ROAS with its expected effect on profit a day.
 */
public final class Insights {
  /** The part of the budget the strategist proposes to move. */
  static final double SHIFT = 0.05;

  private Insights() {}

  public static List<String> analyst(List<DayRecord> days, List<ChannelSpec> channels) {
    List<String> out = new ArrayList<>();
    int n = channels.size();
    int last = days.size();
    int week = Math.min(7, last / 2);
    if (week >= 1) {
      for (int i = 0; i < n; i++) {
        double now = roas(days, i, last - week, last);
        double before = roas(days, i, last - 2 * week, last - week);
        String change = before > 0 ? String.format(Locale.ROOT, "%+.0f%%", 100 * (now / before - 1)) : "n/a";
        out.add(String.format(Locale.ROOT, "analyst: %s ROAS %.2f on days %d-%d, %s against days %d-%d (%.2f)",
            channels.get(i).id(), now, last - week, last - 1, change, last - 2 * week, last - week - 1, before));
      }
    }
    int anomalies = 0;
    for (int d = 7; d < last && anomalies < 5; d++) {
      for (int i = 0; i < n && anomalies < 5; i++) {
        double[] prev = new double[7];
        for (int k = 0; k < 7; k++) {
          prev[k] = perMoney(days.get(d - 7 + k).outcomes()[i]);
        }
        double mean = 0;
        for (double v : prev) {
          mean += v;
        }
        mean /= 7;
        double var = 0;
        for (double v : prev) {
          var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / 6);
        double today = perMoney(days.get(d).outcomes()[i]);
        if (sd > 0 && Math.abs(today - mean) > 3 * sd) {
          anomalies++;
          out.add(String.format(Locale.ROOT, "analyst: anomaly on day %d: %s converted %.3f per 1,000 spent, the"
              + " previous 7 days %.3f +- %.3f (%.1f sd)", d, channels.get(i).id(), 1000 * today, 1000 * mean,
              1000 * sd,
              (today - mean) / sd));
        }
      }
    }
    if (anomalies == 0) {
      out.add("analyst: no anomalies (no day outside 3 sd of a channel's previous week)");
    }
    return out;
  }

  private static double perMoney(Outcome o) {
    return o.spendMicros() > 0 ? o.conversions() / (o.spendMicros() / 1e6) : 0;
  }

  private static double roas(List<DayRecord> days, int i, int from, int to) {
    long s = 0;
    long r = 0;
    for (int d = Math.max(0, from); d < to; d++) {
      s += days.get(d).outcomes()[i].spendMicros();
      r += days.get(d).outcomes()[i].revenueMicros();
    }
    return s > 0 ? (double) r / s : 0;
  }

  /**
   * Channel i's true marginal ROAS on {@code day} at {@code micros} a day: the extra revenue of one more unit of
   * money a day, in the long run (carry-over included).
   */
  public static double marginalRoas(ChannelMarket market, int i, int day, long micros) {
    double h = 1e6; // one currency unit
    double up = market.steadyConversions(i, day, micros + h);
    double at = market.steadyConversions(i, day, micros);
    return (up - at) * market.orderValueMicros() / h;
  }

  /** Recommendations for the day after the run, from the last day's split, the true curves and the bounds. */
  public static List<String> strategist(List<DayRecord> days, ChannelMarket market, Bounds bounds) {
    List<String> out = new ArrayList<>();
    if (days.isEmpty()) {
      return out;
    }
    DayRecord lastDay = days.get(days.size() - 1);
    int next = market.day();
    int n = bounds.size();
    double[] m = new double[n];
    StringBuilder line = new StringBuilder("strategist: true marginal ROAS at the last split:");
    for (int i = 0; i < n; i++) {
      m[i] = marginalRoas(market, i, next, lastDay.budgets()[i]);
      line.append(String.format(Locale.ROOT, " %s %.2f%s", bounds.channels().get(i).id(), m[i],
          i < n - 1 ? "," : ""));
    }
    out.add(line.toString());
    int from = -1;
    int to = -1;
    long budget = bounds.budgetMicros();
    for (int i = 0; i < n; i++) {
      boolean canGive = !bounds.channels().get(i).frozen() && lastDay.shares()[i] > bounds.lo(i) + 1e-9;
      boolean canTake = !bounds.channels().get(i).frozen() && lastDay.shares()[i] < bounds.hi(i) - 1e-9;
      if (canGive && (from < 0 || m[i] < m[from])) {
        from = i;
      }
      if (canTake && (to < 0 || m[i] > m[to])) {
        to = i;
      }
    }
    double breakEven = 1 / market.margin();
    if (from < 0 || to < 0 || from == to || m[to] <= m[from] * 1.02) {
      out.add(String.format(Locale.ROOT, "strategist: keep the split: the marginal ROAS of the channels that can move"
          + " are within 2%% of each other (break-even ROAS at a %.0f%% margin is %.2f)", 100 * market.margin(),
          breakEven));
      return out;
    }
    double room = Math.min(lastDay.shares()[from] - bounds.lo(from), bounds.hi(to) - lastDay.shares()[to]);
    double shift = Math.min(SHIFT, room);
    long moved = Math.round(shift * budget);
    long[] after = lastDay.budgets().clone();
    after[from] -= moved;
    after[to] += moved;
    double gain = market.steadyProfit(next, after) - market.steadyProfit(next, lastDay.budgets());
    out.add(String.format(Locale.ROOT, "strategist: move %s a day (%.1f%% of the budget) from %s to %s: its next unit"
        + " returns %.2f against %.2f (break-even %.2f at a %.0f%% margin); expected effect %+,.2f profit a day in"
        + " the long run",
        Amounts.money(moved), 100 * shift, bounds.channels().get(from).id(), bounds.channels().get(to).id(), m[to],
        m[from], breakEven, 100 * market.margin(), gain / 1e6));
    double top = Double.NEGATIVE_INFINITY;
    for (double v : m) {
      top = Math.max(top, v);
    }
    if (top < breakEven) {
      out.add(String.format(Locale.ROOT, "strategist: every channel's next unit returns less than break-even %.2f"
          + " (the best %.2f): the last part of the daily budget loses money wherever it goes; a smaller budget"
          + " would earn more", breakEven, top));
    }
    return out;
  }
}
