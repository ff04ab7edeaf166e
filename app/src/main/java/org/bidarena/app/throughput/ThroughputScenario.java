package org.bidarena.app.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;

/**
 * The market a benchmark plays: the default model with flat traffic sized to a number of auctions per
 * tick, one simulated day of {@code ticks} ticks, budgets large enough not to end the day early, and no
 * checkpoints.
 */
public final class ThroughputScenario {
  private static final String[] STRATEGIES = {"aggressive", "conservative", "retargeting", "adaptive", "random", "fixed"};

  private ThroughputScenario() {}

  public static Scenario of(int customers, int agents, int ticks, int auctionsPerTick, int shards, int partitions) {
    double visitsPerDay = (double) auctionsPerTick * ticks / customers;
    List<String> sets = new ArrayList<>(List.of(
        "name=bench",
        "customers.count=" + customers,
        "customers.shards=" + shards,
        "exchange.partitions=" + partitions,
        "time.days=1",
        "time.ticks-per-day=" + ticks,
        "customers.diurnal-amplitude=0",
        "journal.checkpoint-every-ticks=0"));
    for (String stage : List.of("awareness", "interest", "consideration", "purchase", "retention", "churn-risk")) {
      sets.add(String.format(Locale.ROOT, "customers.visits-per-day.%s=%.6f", stage, visitsPerDay));
    }
    StringBuilder agentBlock = new StringBuilder("agents={");
    for (int a = 0; a < agents; a++) {
      agentBlock.append(String.format(Locale.ROOT, "%sagent-%02d{strategy=%s,daily-budget=1000000.00}", a == 0 ? "" : ",", a,
          STRATEGIES[a % STRATEGIES.length]));
    }
    sets.add(agentBlock.append('}').toString());
    return ScenarioLoader.loadDefault(sets, null);
  }
}
