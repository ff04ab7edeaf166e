package org.bidarena.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bidarena.analysis.metrics.AgentMetrics;
import org.bidarena.analysis.metrics.Ratios;
import org.bidarena.analysis.metrics.RunSummary;

/**
 * A run's market-wide figures next to published ranges for display advertising: the "market check" that
 * {@code bidarena run} and {@code replay} print after the table. The ranges and their sources are listed in
 * the README's "Market check"; each range here names its source in a few words. The figures are read from the
 * run's summary, so the check stays true whatever the model gives.
 */
public final class MarketCheck {
  /** One figure against its range. {@code value} is NaN when the run cannot tell. */
  public record Row(String figure, double value, double low, double high, String format, String source) {
    public String verdict() {
      if (Double.isNaN(value)) {
        return Ratios.NA;
      }
      return value < low ? "below" : value > high ? "above" : "inside";
    }
  }

  private MarketCheck() {}

  /** The market's figures: sums over every agent, then the ratios of the sums. */
  public static List<Row> rows(RunSummary summary) {
    long impressions = 0, clicks = 0, conversions = 0, spend = 0, revenue = 0, incrementalRevenue = 0;
    boolean causal = !summary.agents().isEmpty();
    for (AgentMetrics a : summary.agents()) {
      impressions += a.impressions();
      clicks += a.clicks();
      conversions += a.conversions();
      spend += a.spendMicros();
      revenue += a.revenueMicros();
      incrementalRevenue += a.incrementalRevenueMicros();
      causal &= a.causal();
    }
    double roas = Ratios.of(revenue, spend);
    double incrementalRoas = causal ? Ratios.of(incrementalRevenue, spend) : Double.NaN;
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("CTR (clicks / impressions)", Ratios.of(clicks, impressions), 0.0005, 0.006, "%",
        "display 0.07% (Criteo via Vici Media 2015) to 0.46% (WordStream 2016)"));
    rows.add(new Row("CVR per click (last-click)", Ratios.of(conversions, clicks), 0.003, 0.03, "%",
        "display 0.77% (WordStream 2016)"));
    rows.add(new Row("CPM paid", 1000.0 * Ratios.of(spend, impressions) / 1e6, 0.5, 15, "money",
        "RTB banners 0.50-15 (Delve 2019)"));
    rows.add(new Row("ROAS (last-click)", roas, 2, 8, "x", "2.9 average, 4-8 e-commerce (industry blogs)"));
    rows.add(new Row("incremental / last-click ROAS", causal ? incrementalRoas / roas : Double.NaN, 0, 1, "x",
        "a fraction of observational estimates (Blake et al. 2015)"));
    rows.add(new Row("organic share of purchases", summary.market().organicShare(), 0.80, 0.97, "%",
        "ad lift 6-11% (Johnson et al. 2017; Gordon et al. 2022)"));
    rows.add(new Row("fatigued share of impressions", summary.market().fatigueShare(), 0.03, 0.20, "%",
        "issue 11's target band"));
    return rows;
  }

  /** The block printed after the run table. */
  public static String text(RunSummary summary) {
    StringBuilder b = new StringBuilder("Market check: this run against published ranges for display advertising"
        + " (sources: README, \"Market check\")\n");
    String format = "  %-31s %9s  %-15s %-7s %s%n";
    String header = String.format(Locale.ROOT, format, "figure", "run", "range", "", "source");
    b.append(header).append("  ").append("-".repeat(header.length() - 3)).append('\n');
    for (Row r : rows(summary)) {
      b.append(String.format(Locale.ROOT, format, r.figure(), show(r.value(), r.format()),
          show(r.low(), r.format()) + "-" + show(r.high(), r.format()), r.verdict(), r.source()));
    }
    return b.toString();
  }

  private static String show(double v, String format) {
    if (Double.isNaN(v)) {
      return Ratios.NA;
    }
    return switch (format) {
      case "%" -> String.format(Locale.ROOT, "%.2f%%", 100 * v);
      case "money" -> String.format(Locale.ROOT, "%.2f", v);
      default -> String.format(Locale.ROOT, "%.2f", v);
    };
  }
}
