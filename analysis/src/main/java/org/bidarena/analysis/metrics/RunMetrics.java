package org.bidarena.analysis.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.Serializers;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.journal.TickEvent;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * Derives what a run reports (digest, per-agent metrics, funnel, per-tick rows) from its journal events.
 *
 * <p>Events may arrive interleaved across persistence ids (as a query by tag gives them), but each id's
 * events must come in increasing sequence-number order: the digest hashes them in that order, and an id
 * whose events arrive out of order is refused rather than given a wrong digest.
 */
public final class RunMetrics {
  private final Scenario scenario;
  private final Serialization serialization;
  private final JournalDigest digest = new JournalDigest();
  private final Map<String, Long> lastSeqNr = new HashMap<>();
  private final Map<String, AgentTotals> byAgent = new LinkedHashMap<>();
  private final List<BidderTickSettled> ticks = new ArrayList<>();
  private final Map<Integer, OutcomesRecorded> latestOutcomes = new HashMap<>();
  private long lastTick = -1;
  private long auctions;

  public RunMetrics(Scenario scenario, Serialization serialization) {
    this.scenario = scenario;
    this.serialization = serialization;
    for (AgentSpec agent : scenario.agents()) {
      byAgent.put(agent.id(), new AgentTotals());
    }
  }

  /** Takes one journal event of {@code persistenceId}, at {@code sequenceNr}. */
  public void add(String persistenceId, long sequenceNr, Object event) {
    Long previous = lastSeqNr.put(persistenceId, sequenceNr);
    if (previous != null && sequenceNr <= previous) {
      throw new IllegalStateException("events of " + persistenceId + " came out of order (sequence number "
          + sequenceNr + " after " + previous + ")");
    }
    if (!(event instanceof TickEvent)) {
      return;
    }
    byte[] bytes = serialization.serialize(event).get();
    String manifest = Serializers.manifestFor(serialization.findSerializerFor(event), event);
    digest.add(persistenceId, manifest, bytes);
    if (event instanceof BidderTickSettled s) {
      AgentTotals totals = byAgent.get(s.agent());
      if (totals == null) {
        throw new IllegalStateException("the journal holds agent '" + s.agent() + "', which the scenario lacks");
      }
      ticks.add(s);
      totals.add(s);
    } else if (event instanceof OutcomesRecorded o) {
      latestOutcomes.merge(o.shard(), o, (a, b) -> b.tick() > a.tick() ? b : a);
    } else if (event instanceof TickCompleted t) {
      lastTick = Math.max(lastTick, t.tick());
      auctions += t.auctions();
    }
  }

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

  public RunSummary summary() {
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
    return new RunSummary(
        scenario.name(), scenario.seed(), digest.hex(), lastTick + 1, auctions, impressions, agents, funnel);
  }
}
