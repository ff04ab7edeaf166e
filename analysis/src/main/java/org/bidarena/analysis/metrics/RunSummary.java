package org.bidarena.analysis.metrics;

import java.util.List;
import java.util.Locale;
import org.bidarena.core.customer.Stage;

/** The figures of a run, as printed at its end and written to {@code summary.json}. */
public record RunSummary(
    String scenario,
    long seed,
    String digest,
    long ticks,
    long auctions,
    long impressions,
    List<AgentMetrics> agents,
    long[] funnel) {

  /** The same figures with the journal's digest. */
  public RunSummary withDigest(String journalDigest) {
    return new RunSummary(scenario, seed, journalDigest, ticks, auctions, impressions, agents, funnel);
  }

  public String toJson() {
    StringBuilder b = new StringBuilder();
    b.append("{\n");
    b.append("  \"scenario\": ").append(quote(scenario)).append(",\n");
    b.append("  \"seed\": ").append(seed).append(",\n");
    b.append("  \"digest\": ").append(quote(digest)).append(",\n");
    b.append("  \"ticks\": ").append(ticks).append(",\n");
    b.append("  \"auctions\": ").append(auctions).append(",\n");
    b.append("  \"impressions\": ").append(impressions).append(",\n");
    b.append("  \"agents\": [\n");
    for (int i = 0; i < agents.size(); i++) {
      AgentMetrics a = agents.get(i);
      b.append("    {")
          .append("\"id\": ").append(quote(a.id()))
          .append(", \"strategy\": ").append(quote(a.strategy()))
          .append(", \"dailyBudgetMicros\": ").append(a.dailyBudgetMicros())
          .append(", \"auctions\": ").append(a.auctions())
          .append(", \"bids\": ").append(a.bids())
          .append(", \"impressions\": ").append(a.impressions())
          .append(", \"clicks\": ").append(a.clicks())
          .append(", \"conversions\": ").append(a.conversions())
          .append(", \"spendMicros\": ").append(a.spendMicros())
          .append(", \"revenueMicros\": ").append(a.revenueMicros())
          .append(", \"roas\": ").append(ratio(a.roas()))
          .append(", \"ctr\": ").append(ratio(a.ctr()))
          .append(", \"conversionRate\": ").append(ratio(a.conversionRate()))
          .append(", \"cacMicros\": ").append(a.cacMicros())
          .append(", \"winRate\": ").append(ratio(a.winRate()))
          .append(", \"avgBidMicros\": ").append(a.avgBidMicros())
          .append(", \"avgClearingPriceMicros\": ").append(a.avgClearingPriceMicros())
          .append(", \"maxDailySpendMicros\": ").append(a.maxDailySpendMicros())
          .append("}")
          .append(i + 1 < agents.size() ? ",\n" : "\n");
    }
    b.append("  ],\n");
    b.append("  \"funnel\": {");
    for (Stage s : Stage.values()) {
      b.append(quote(s.key())).append(": ").append(funnel[s.ordinal()]);
      b.append(s.ordinal() + 1 < Stage.COUNT ? ", " : "");
    }
    b.append("}\n}\n");
    return b.toString();
  }

  /** Ratios are written with 6 decimals so that the file is the same wherever it is written. */
  public static String ratio(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  public static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The per-agent table and the funnel, for the terminal. */
  public String toTable() {
    StringBuilder b = new StringBuilder();
    String header = String.format(Locale.ROOT,
        "%-14s %-13s %9s %7s %5s %10s %11s %6s %6s %6s %9s %6s %8s %9s%n",
        "agent", "strategy", "impr", "clicks", "conv", "spend", "revenue", "ROAS", "CTR%", "CVR%", "CAC", "win%",
        "avg bid", "avg price");
    b.append(header);
    b.append("-".repeat(header.length() - 1)).append('\n');
    for (AgentMetrics a : agents) {
      b.append(String.format(Locale.ROOT,
          "%-14s %-13s %9d %7d %5d %10s %11s %6.2f %6.3f %6.2f %9s %6.1f %8s %9s%n",
          a.id(), a.strategy(), a.impressions(), a.clicks(), a.conversions(), money(a.spendMicros()),
          money(a.revenueMicros()), a.roas(), 100 * a.ctr(), 100 * a.conversionRate(), money(a.cacMicros()),
          100 * a.winRate(), cpm(a.avgBidMicros()), cpm(a.avgClearingPriceMicros())));
    }
    b.append("(money in currency units; avg bid and avg price as CPM)\n\n");
    b.append("Customer funnel at the end of the run\n");
    long total = 0;
    for (long n : funnel) total += n;
    for (Stage s : Stage.values()) {
      long n = funnel[s.ordinal()];
      int bar = total == 0 ? 0 : (int) Math.round(40.0 * n / total);
      b.append(String.format(Locale.ROOT, "  %-14s %8d %5.1f%% %s%n", s.key(), n, total == 0 ? 0 : 100.0 * n / total,
          "#".repeat(bar)));
    }
    return b.toString();
  }

  public static String money(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1e6);
  }

  /** Micros per impression as CPM: x 1000 impressions / 1e6 micros. */
  public static String cpm(long microsPerImpression) {
    return String.format(Locale.ROOT, "%.3f", microsPerImpression / 1000.0);
  }
}
