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
 * A run's figures (per-agent metrics, market figures, funnel, per-tick rows), accumulated a tick at a time:
 * the one path by which the run's summary, replay and a live consumer compute them. Feed it {@link #onTick}
 * as ticks complete; {@link #snapshot} may be taken at any point.
 *
 * <p>Every figure is a sum (the funnel: each shard's latest stock), so a reader may also feed a tick's parts
 * in several calls, as long as each customer shard's outcomes come in tick order (see {@link OutcomeTally}).
 */
public final class RunMetrics {
  private final Scenario scenario;
  private final Map<String, AgentTotals> byAgent = new LinkedHashMap<>();
  private final List<BidderTickSettled> ticks = new ArrayList<>();
  private final Map<Integer, OutcomesRecorded> latestOutcomes = new HashMap<>();
  private final OutcomeTally tally;
  private long lastTick = -1;
  private long auctions;

  public RunMetrics(Scenario scenario) {
    this.scenario = scenario;
    for (AgentSpec agent : scenario.agents()) {
      byAgent.put(agent.id(), new AgentTotals());
    }
    tally = new OutcomeTally(scenario.agentCount());
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
    for (OutcomesRecorded o : tick.outcomes()) {
      tally.add(o);
      // The funnel is a stock, not a flow: each shard's latest stage counts.
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

  /** The outcome figures per (tick, agent) that the settled ticks lack, for ticks.csv. */
  public TickOutcomes tickOutcomes() {
    return tally.perTick;
  }

  /** The figures so far. The digest is the journal's, so it is empty here: see {@link RunSummary#withDigest}. */
  public RunSummary snapshot() {
    long[] funnel = new long[Stage.COUNT];
    for (OutcomesRecorded o : latestOutcomes.values()) {
      for (int s = 0; s < Stage.COUNT; s++) {
        funnel[s] += o.outcomes().stageCounts()[s];
      }
    }
    long margin = scenario.reporting().marginPpm();
    List<AgentMetrics> agents = new ArrayList<>();
    long impressions = 0;
    for (int a = 0; a < scenario.agentCount(); a++) {
      AgentSpec agent = scenario.agents().get(a);
      AgentTotals t = byAgent.get(agent.id());
      agents.add(t.metrics(agent, a, tally, margin));
      impressions += t.impressions();
    }
    MarketMetrics market = new MarketMetrics(tally.purchases, tally.purchaseRevenue, tally.organicPurchases,
        tally.organicRevenue, tally.causes(), tally.impressions, tally.fatiguedImpressions, tally.fatigue());
    return new RunSummary(scenario.name(), scenario.seed(), "", lastTick + 1, auctions, impressions, margin, agents,
        market, funnel);
  }
}
