package org.bidarena.analysis.metrics;

import java.util.Locale;
import org.bidarena.core.customer.Stage;

/** A run's figures for the terminal: delivery, results and incrementality per agent, the market, the funnel. */
final class RunTable {
  private RunTable() {}

  static String of(RunSummary summary) {
    StringBuilder b = new StringBuilder();
    b.append("Delivery\n");
    header(b, "%-14s %-13s %9s %7s %6s %6s %8s %9s %10s%n",
        "agent", "strategy", "impr", "clicks", "CTR%", "win%", "avg bid", "avg price", "spend");
    for (AgentMetrics a : summary.agents()) {
      b.append(String.format(Locale.ROOT, "%-14s %-13s %9d %7d %6s %6s %8s %9s %10s%n",
          a.id(), a.strategy(), a.impressions(), a.clicks(), pct("%.3f", a.ctr()), pct("%.1f", a.winRate()),
          Ratios.cpm(a.avgBidMicros()), Ratios.cpm(a.avgClearingPriceMicros()), RunSummary.money(a.spendMicros())));
    }
    b.append("(avg bid and avg price as CPM)\n\n");
    b.append(String.format(Locale.ROOT, "Results, last-click attribution (profit = revenue x margin %s - spend)%n",
        Ratios.text("%.2f", summary.marginPpm() / 1e6)));
    header(b, "%-14s %5s %5s %6s %8s %9s %11s %10s %6s %9s %9s%n",
        "agent", "conv", "new", "repeat", "CVR/imp%", "CVR/clk%", "revenue", "profit", "ROAS", "CAC", "LTV");
    for (AgentMetrics a : summary.agents()) {
      b.append(String.format(Locale.ROOT, "%-14s %5d %5s %6s %8s %9s %11s %10s %6s %9s %9s%n",
          a.id(), a.conversions(), count(a.newCustomerCount()), count(a.repeatConversions()), pct("%.4f", a.cvrPerImpression()),
          pct("%.2f", a.cvrPerClick()), RunSummary.money(a.revenueMicros()), RunSummary.money(a.profitMicros()),
          Ratios.text("%.2f", a.roas()), Ratios.money(a.cacMicros()), Ratios.money(a.ltvMicros())));
    }
    b.append("(CAC = spend / new customers; LTV = revenue of the customers acquired / their number)\n\n");
    b.append("Incrementality, ground truth (purchases whose sampled cause is the agent's ad)\n");
    header(b, "%-14s %9s %11s %6s %10s%n", "agent", "incr conv", "incr rev", "iROAS", "incr profit");
    for (AgentMetrics a : summary.agents()) {
      b.append(String.format(Locale.ROOT, "%-14s %9s %11s %6s %10s%n", a.id(),
          a.causal() ? Long.toString(a.incrementalConversions()) : Ratios.NA,
          a.causal() ? RunSummary.money(a.incrementalRevenueMicros()) : Ratios.NA,
          Ratios.text("%.2f", a.incrementalRoas()), Ratios.money(a.incrementalProfitMicros())));
    }
    MarketMetrics m = summary.market();
    b.append(String.format(Locale.ROOT, "%nMarket: %,d purchases, organic share %s, fatigued impressions %s%n",
        m.purchases(), pctSign(m.organicShare()), pctSign(m.fatigueShare())));
    if (!m.causal()) {
      b.append("(n/a: this journal does not record what caused each purchase, nor which made a new customer)\n");
    }
    b.append("(money in currency units)\n\n");
    funnel(b, summary.funnel());
    return b.toString();
  }

  private static void header(StringBuilder b, String format, Object... names) {
    String h = String.format(Locale.ROOT, format, names);
    b.append(h).append("-".repeat(h.length() - 1)).append('\n');
  }

  private static String count(java.util.OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : Ratios.NA;
  }

  private static String pct(String format, double v) {
    return Ratios.text(format, 100 * v);
  }

  private static String pctSign(double v) {
    return Double.isNaN(v) ? Ratios.NA : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static void funnel(StringBuilder b, long[] funnel) {
    b.append("Customer funnel at the end of the run\n");
    long total = 0;
    for (long n : funnel) total += n;
    for (Stage s : Stage.values()) {
      long n = funnel[s.ordinal()];
      int bar = total == 0 ? 0 : (int) Math.round(40.0 * n / total);
      b.append(String.format(Locale.ROOT, "  %-14s %8d %5.1f%% %s%n", s.key(), n, total == 0 ? 0 : 100.0 * n / total,
          "#".repeat(bar)));
    }
  }
}
