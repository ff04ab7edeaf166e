package org.bidarena.analysis.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * A run's figures (per-agent metrics, funnel, per-tick rows), accumulated a tick at a time: the one path
 * by which the run's summary, replay and a live consumer compute them. Feed it {@link #onTick} as ticks
 * complete; {@link #snapshot} may be taken at any point.
 */
public final class RunMetrics {
  private final Scenario scenario;
  private final Map<String, AgentTotals> byAgent = new LinkedHashMap<>();
  private final List<BidderTickSettled> ticks = new ArrayList<>();
  private final Map<Integer, OutcomesRecorded> latestOutcomes = new HashMap<>();
  private long lastTick = -1;
  private long auctions;

  public RunMetrics(Scenario scenario) {
    this.scenario = scenario;
    for (AgentSpec agent : scenario.agents()) {
      byAgent.put(agent.id(), new AgentTotals());
    }
  }

  /** Adds one tick; an agent the scenario lacks is refused. */
  public void onTick(TickResult tick) {
    for (BidderTickSettled s : tick.settled()) {
      AgentTotals totals = byAgent.get(s.agent());
      if (totals == null) {
        throw new IllegalStateException("the journal holds agent '" + s.agent() + "', which the scenario lacks");
      }
      ticks.add(s);
      totals.add(s);
    }
    // The funnel is a stock, not a flow: each shard's latest stage counts.
    for (OutcomesRecorded o : tick.outcomes()) {
      latestOutcomes.merge(o.shard(), o, (a, b) -> b.tick() > a.tick() ? b : a);
    }
    if (tick.completed() != null) {
      lastTick = Math.max(lastTick, tick.completed().tick());
      auctions += tick.completed().auctions();
    }
  }

  /** The last tick the Driver completed, -1 before the first. */
  public long lastTick() {
    return lastTick;
  }

  /** The settled ticks of every agent, by tick and then agent order. */
  public List<BidderTickSettled> ticks() {
    List<BidderTickSettled> sorted = new ArrayList<>(ticks);
    sorted.sort(Comparator.comparingLong(BidderTickSettled::tick)
        .thenComparingInt(s -> scenario.agentIndex(s.agent())));
    return sorted;
  }

  /** The figures so far. The digest is the journal's, so it is empty here: see {@link RunSummary#withDigest}. */
  public RunSummary snapshot() {
    long[] funnel = new long[Stage.COUNT];
    for (OutcomesRecorded o : latestOutcomes.values()) {
      for (int s = 0; s < Stage.COUNT; s++) {
        funnel[s] += o.outcomes().stageCounts()[s];
      }
    }
    List<AgentMetrics> agents = new ArrayList<>();
    long impressions = 0;
    for (AgentSpec agent : scenario.agents()) {
      AgentTotals t = byAgent.get(agent.id());
      agents.add(t.metrics(agent));
      impressions += t.impressions();
    }
    return new RunSummary(scenario.name(), scenario.seed(), "", lastTick + 1, auctions, impressions, agents, funnel);
  }
}
