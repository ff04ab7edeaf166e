package org.bidarena.analysis.whatif;

import java.util.List;
import java.util.Locale;
import org.bidarena.analysis.metrics.AgentMetrics;
import org.bidarena.analysis.metrics.Ratios;
import org.bidarena.analysis.metrics.RunSummary;

/** The what-if answer on the terminal: every agent's figures before and after. */
public final class SideBySide {
  private SideBySide() {}

  /** Every agent's figures before and after, one line per agent. */
  public static String of(List<AgentMetrics> before, List<AgentMetrics> after) {
    StringBuilder b = new StringBuilder();
    String header = String.format(Locale.ROOT, "%-14s %-26s %-20s %-22s %-24s %-24s %-16s %-14s %-20s %-14s%n",
        "agent", "strategy", "impressions", "spend", "revenue", "profit", "ROAS", "conversions", "CAC", "win%");
    b.append(header).append("-".repeat(header.length() - 1)).append('\n');
    for (int i = 0; i < before.size(); i++) {
      AgentMetrics x = before.get(i);
      AgentMetrics y = after.get(i);
      b.append(String.format(Locale.ROOT, "%-14s %-26s %-20s %-22s %-24s %-24s %-16s %-14s %-20s %-14s%n", x.id(),
          pair(x.strategy(), y.strategy()),
          pair(Long.toString(x.impressions()), Long.toString(y.impressions())),
          pair(RunSummary.money(x.spendMicros()), RunSummary.money(y.spendMicros())),
          pair(RunSummary.money(x.revenueMicros()), RunSummary.money(y.revenueMicros())),
          pair(RunSummary.money(x.profitMicros()), RunSummary.money(y.profitMicros())),
          pair(fmt(x.roas()), fmt(y.roas())),
          pair(Long.toString(x.conversions()), Long.toString(y.conversions())),
          pair(Ratios.money(x.cacMicros()), Ratios.money(y.cacMicros())),
          pair(Ratios.text("%.1f", 100 * x.winRate()), Ratios.text("%.1f", 100 * y.winRate()))));
    }
    b.append("(before -> after, one value where unchanged; money in currency units)\n");
    return b.toString();
  }

  private static String pair(String before, String after) {
    return before.equals(after) ? before : before + " -> " + after;
  }

  private static String fmt(double v) {
    return Ratios.text("%.2f", v);
  }
}
