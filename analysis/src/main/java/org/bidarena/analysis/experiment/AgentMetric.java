package org.bidarena.analysis.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.stats.Verdict.Direction;

/**
 * A per-agent figure of summary.json that an experiment can compare: its name for users ("profit"), its
 * key in summary.json ("profitMicros"), the factor to its unit (micros to currency units), and which way is
 * better. Names are matched ignoring case, '-' and '_', with or without "Micros". A derived metric divides its
 * key by another ({@code perKey}, money, in currency units), such as clicks per unit of spend.
 */
public record AgentMetric(String name, String key, double divisor, Direction direction, String perKey) {
  private static final double MICROS = 1e6;

  /** Every numeric per-agent key summary.json writes, in its order (a test checks them against a real file). */
  public static final List<AgentMetric> ALL = List.of(
      count("auctions", Direction.NEUTRAL), count("bids", Direction.NEUTRAL),
      count("impressions", Direction.NEUTRAL), count("clicks", Direction.HIGHER_IS_BETTER),
      count("conversions", Direction.HIGHER_IS_BETTER), count("newCustomers", Direction.HIGHER_IS_BETTER),
      count("repeatConversions", Direction.HIGHER_IS_BETTER), money("spend", Direction.NEUTRAL),
      money("revenue", Direction.HIGHER_IS_BETTER), money("profit", Direction.HIGHER_IS_BETTER),
      count("roas", Direction.HIGHER_IS_BETTER), count("ctr", Direction.HIGHER_IS_BETTER),
      count("cvrPerImpression", Direction.HIGHER_IS_BETTER), count("cvrPerClick", Direction.HIGHER_IS_BETTER),
      money("cac", Direction.LOWER_IS_BETTER), money("ltv", Direction.HIGHER_IS_BETTER),
      count("winRate", Direction.NEUTRAL), money("avgBid", Direction.NEUTRAL),
      money("avgClearingPrice", Direction.NEUTRAL), money("maxDailySpend", Direction.NEUTRAL),
      count("incrementalConversions", Direction.HIGHER_IS_BETTER),
      money("incrementalRevenue", Direction.HIGHER_IS_BETTER), count("incrementalRoas", Direction.HIGHER_IS_BETTER),
      money("incrementalProfit", Direction.HIGHER_IS_BETTER));

  /** Figures that summary.json does not write but its keys give: clicks per currency unit of spend (1 / CPC). */
  public static final List<AgentMetric> DERIVED = List.of(
      new AgentMetric("clicksPerSpend", "clicks", 1, Direction.HIGHER_IS_BETTER, "spendMicros"));

  public static final List<String> DEFAULTS = List.of("profit", "roas", "clicks", "conversions", "spend");

  private static AgentMetric count(String name, Direction d) {
    return new AgentMetric(name, name, 1, d, null);
  }

  private static AgentMetric money(String name, Direction d) {
    return new AgentMetric(name, name + "Micros", MICROS, d, null);
  }

  /** The metric a user named, or bad input listing the names there are. */
  public static AgentMetric find(String given) {
    String wanted = normal(given);
    for (AgentMetric m : ALL) {
      if (normal(m.name).equals(wanted) || normal(m.key).equals(wanted)) {
        return m;
      }
    }
    for (AgentMetric m : DERIVED) {
      if (normal(m.name).equals(wanted)) {
        return m;
      }
    }
    throw new BadInput("--metric " + given + " is not a per-agent figure of summary.json; use one or more of "
        + java.util.stream.Stream.concat(ALL.stream(), DERIVED.stream()).map(AgentMetric::name)
            .collect(Collectors.joining(",")));
  }

  /** The metrics of a comma list, each once. */
  public static List<AgentMetric> parse(List<String> names) {
    List<AgentMetric> metrics = new ArrayList<>();
    for (String n : names) {
      if (n.isBlank()) {
        throw new BadInput("--metric has an empty name; give names separated by commas, e.g. profit,roas");
      }
      AgentMetric m = find(n.trim());
      if (metrics.contains(m)) {
        throw new BadInput("--metric " + m.name + " is given twice; give each metric once");
      }
      metrics.add(m);
    }
    if (metrics.isEmpty()) {
      throw new BadInput("--metric names no metric; give one or more, e.g. profit,roas");
    }
    return metrics;
  }

  /**
   * The figure in its unit: currency units for a money key, as written otherwise; NaN for null, and for a
   * derived metric whose divisor is missing or zero.
   */
  public double of(java.util.Map<String, Double> agentValues) {
    Double raw = agentValues.get(key);
    if (raw == null) {
      return Double.NaN;
    }
    if (perKey == null) {
      return raw / divisor;
    }
    Double per = agentValues.get(perKey);
    return per == null || per == 0 ? Double.NaN : raw / divisor / (per / MICROS);
  }

  private static String normal(String s) {
    String n = s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return n.endsWith("micros") ? n.substring(0, n.length() - "micros".length()) : n;
  }
}
