package org.bidarena.analysis.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * Per (tick, agent): the outcome figures that only the customer shards' journal holds (new customers,
 * incremental conversions and revenue), for the rows of {@code ticks.csv}. Sparse: a pair without any costs nothing.
 */
public final class TickOutcomes {
  public static final int NEW_CUSTOMERS = 0;
  public static final int INCREMENTAL_CONVERSIONS = 1;
  public static final int INCREMENTAL_REVENUE = 2;
  private static final long[] NONE = new long[3];

  private final Map<Long, long[]> byTickAndAgent = new HashMap<>();
  private final int agents;

  public TickOutcomes(int agents) {
    this.agents = agents;
  }

  void add(long tick, int agent, int figure, long amount) {
    byTickAndAgent.computeIfAbsent(tick * agents + agent, k -> new long[3])[figure] += amount;
  }

  /** The figures of {@code agent} in {@code tick}, indexed by the constants above; do not modify. */
  public long[] of(long tick, int agent) {
    return byTickAndAgent.getOrDefault(tick * agents + agent, NONE);
  }
}
