package org.bidarena.analysis.metrics;

import java.util.List;
import java.util.Locale;
import org.bidarena.core.customer.Stage;

/**
 * The figures of a run, as printed at its end ({@link RunTable}) and written to {@code summary.json}. The
 * keys of summary.json are documented in the README ("Metrics"); undefined ratios are written as null.
 *
 * @param marginPpm the scenario's reporting.margin in parts per million
 */
public record RunSummary(
    String scenario,
    long seed,
    String digest,
    long ticks,
    long auctions,
    long impressions,
    long marginPpm,
    List<AgentMetrics> agents,
    MarketMetrics market,
    long[] funnel,
    ExternalCounters external) {

  /** Figures without external bidders. */
  public RunSummary(String scenario, long seed, String digest, long ticks, long auctions, long impressions,
      long marginPpm, List<AgentMetrics> agents, MarketMetrics market, long[] funnel) {
    this(scenario, seed, digest, ticks, auctions, impressions, marginPpm, agents, market, funnel,
        new ExternalCounters());
  }

  /** The same figures with the journal's digest. */
  public RunSummary withDigest(String journalDigest) {
    return new RunSummary(scenario, seed, journalDigest, ticks, auctions, impressions, marginPpm, agents, market,
        funnel, external);
  }

  /** The same figures with the external bidders' answer counters. */
  public RunSummary withExternal(ExternalCounters counters) {
    return new RunSummary(scenario, seed, digest, ticks, auctions, impressions, marginPpm, agents, market,
        funnel, counters);
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
    b.append("  \"margin\": ").append(ratio(marginPpm / 1e6)).append(",\n");
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
          .append(", \"newCustomers\": ").append(Ratios.json(a.newCustomerCount()))
          .append(", \"repeatConversions\": ").append(Ratios.json(a.repeatConversions()))
          .append(", \"spendMicros\": ").append(a.spendMicros())
          .append(", \"revenueMicros\": ").append(a.revenueMicros())
          .append(", \"profitMicros\": ").append(a.profitMicros())
          .append(", \"roas\": ").append(ratio(a.roas()))
          .append(", \"ctr\": ").append(ratio(a.ctr()))
          .append(", \"cvrPerImpression\": ").append(ratio(a.cvrPerImpression()))
          .append(", \"cvrPerClick\": ").append(ratio(a.cvrPerClick()))
          .append(", \"cacMicros\": ").append(Ratios.json(a.cacMicros()))
          .append(", \"ltvMicros\": ").append(Ratios.json(a.ltvMicros()))
          .append(", \"winRate\": ").append(ratio(a.winRate()))
          .append(", \"avgBidMicros\": ").append(Ratios.json(a.avgBidMicros()))
          .append(", \"avgClearingPriceMicros\": ").append(Ratios.json(a.avgClearingPriceMicros()))
          .append(", \"maxDailySpendMicros\": ").append(a.maxDailySpendMicros())
          .append(", \"incrementalConversions\": ").append(a.causal() ? Long.toString(a.incrementalConversions()) : "null")
          .append(", \"incrementalRevenueMicros\": ")
          .append(a.causal() ? Long.toString(a.incrementalRevenueMicros()) : "null")
          .append(", \"incrementalRoas\": ").append(ratio(a.incrementalRoas()))
          .append(", \"incrementalProfitMicros\": ").append(Ratios.json(a.incrementalProfitMicros()))
          .append("}")
          .append(i + 1 < agents.size() ? ",\n" : "\n");
    }
    b.append("  ],\n");
    MarketMetrics m = market;
    b.append("  \"market\": {")
        .append("\"purchases\": ").append(m.purchases())
        .append(", \"purchaseRevenueMicros\": ").append(m.purchaseRevenueMicros())
        .append(", \"organicPurchases\": ").append(m.causal() ? Long.toString(m.organicPurchases()) : "null")
        .append(", \"organicRevenueMicros\": ").append(m.causal() ? Long.toString(m.organicRevenueMicros()) : "null")
        .append(", \"organicShare\": ").append(ratio(m.organicShare()))
        .append(", \"impressions\": ").append(m.impressions())
        .append(", \"fatiguedImpressions\": ").append(m.fatigueCounted() ? Long.toString(m.fatiguedImpressions()) : "null")
        .append(", \"fatigueShare\": ").append(ratio(m.fatigueShare()))
        .append("},\n");
    b.append("  \"funnel\": {");
    for (Stage s : Stage.values()) {
      b.append(quote(s.key())).append(": ").append(funnel[s.ordinal()]);
      b.append(s.ordinal() + 1 < Stage.COUNT ? ", " : "");
    }
    b.append("}");
    if (!external.isEmpty()) {
      b.append(",\n  \"openrtb\": ").append(external.toJson());
    }
    b.append("\n}\n");
    return b.toString();
  }

  /** Ratios are written with 6 decimals so that the file is the same wherever it is written; undefined is null. */
  public static String ratio(double v) {
    return Ratios.json(v);
  }

  public static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The per-agent tables, the market line and the funnel, for the terminal. */
  public String toTable() {
    return RunTable.of(this);
  }

  public static String money(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1e6);
  }

  /** Micros per impression as CPM: x 1000 impressions / 1e6 micros. */
  public static String cpm(long microsPerImpression) {
    return String.format(Locale.ROOT, "%.3f", microsPerImpression / 1000.0);
  }
}
