package org.bidarena.analysis.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.bidarena.analysis.metrics.AgentMetrics;
import org.bidarena.analysis.metrics.MarketMetrics;
import org.bidarena.analysis.metrics.Ratios;
import org.bidarena.analysis.metrics.RunSummary;

/** The report's table of every agent's figures, with the same definitions as summary.json and the run table. */
public final class FiguresTable {
  /** The column headings, in order. */
  public static final List<String> COLUMNS = List.of(
      "agent", "impressions", "clicks", "CTR %", "conversions", "new customers", "repeat", "CVR per impression %",
      "CVR per click %", "spend", "revenue", "profit", "ROAS", "CAC", "LTV", "win rate %", "incremental conversions",
      "incremental revenue", "incremental ROAS");

  private FiguresTable() {}

  public static String html(RunSummary summary) {
    StringBuilder b = new StringBuilder("<table id=\"figures\"><tr>");
    for (String c : COLUMNS) {
      b.append("<th>").append(HtmlReport.escape(c)).append("</th>");
    }
    b.append("</tr>\n");
    List<Function<AgentMetrics, String>> cells = List.of(
        AgentMetrics::id,
        a -> Long.toString(a.impressions()),
        a -> Long.toString(a.clicks()),
        a -> Ratios.text("%.3f", 100 * a.ctr()),
        a -> Long.toString(a.conversions()),
        a -> count(a.newCustomerCount()),
        a -> count(a.repeatConversions()),
        a -> Ratios.text("%.4f", 100 * a.cvrPerImpression()),
        a -> Ratios.text("%.2f", 100 * a.cvrPerClick()),
        a -> RunSummary.money(a.spendMicros()),
        a -> RunSummary.money(a.revenueMicros()),
        a -> RunSummary.money(a.profitMicros()),
        a -> Ratios.text("%.2f", a.roas()),
        a -> Ratios.money(a.cacMicros()),
        a -> Ratios.money(a.ltvMicros()),
        a -> Ratios.text("%.1f", 100 * a.winRate()),
        a -> a.causal() ? Long.toString(a.incrementalConversions()) : Ratios.NA,
        a -> a.causal() ? RunSummary.money(a.incrementalRevenueMicros()) : Ratios.NA,
        a -> Ratios.text("%.2f", a.incrementalRoas()));
    for (AgentMetrics a : summary.agents()) {
      b.append("<tr>");
      for (Function<AgentMetrics, String> cell : cells) {
        b.append("<td>").append(HtmlReport.escape(cell.apply(a))).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
    MarketMetrics m = summary.market();
    b.append(String.format(Locale.ROOT, "<p>Conversions and revenue are last-click attributed; profit = revenue x"
        + " margin %s - spend; CAC = spend / new customers; LTV = revenue of the customers acquired / their number;"
        + " incremental = purchases whose sampled cause is the agent's ad. Market: %,d purchases, organic share %s,"
        + " fatigued impressions %s. Money in currency units.</p>%n",
        Ratios.text("%.2f", summary.marginPpm() / 1e6), m.purchases(), percent(m.organicShare()),
        percent(m.fatigueShare())));
    return b.toString();
  }

  private static String count(java.util.OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : Ratios.NA;
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? Ratios.NA : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
