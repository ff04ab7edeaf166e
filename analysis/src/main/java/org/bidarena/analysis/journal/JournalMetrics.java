package org.bidarena.analysis.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.agents.external.ExternalAnswersRecorded;
import org.bidarena.analysis.metrics.ExternalCounters;
import org.bidarena.analysis.metrics.RunMetrics;
import org.bidarena.analysis.metrics.TickResult;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.scenario.Scenario;

/**
 * Regroups a journal walk (by persistence id) into ticks and feeds them, in tick order, to {@link RunMetrics}.
 * A run's outcomes are too many to hold, so each customer shard's {@code OutcomesRecorded} goes to
 * {@link RunMetrics} as it is read: the walk gives each shard's events in order, which is all its sums need.
 */
final class JournalMetrics implements JournalVisitor {
  private final Scenario scenario;
  private final Map<Long, List<BidderTickSettled>> settled = new TreeMap<>();
  private final Map<Long, TickCompleted> completed = new TreeMap<>();
  private final RunMetrics metrics;
  private final ExternalCounters external = new ExternalCounters();

  JournalMetrics(Scenario scenario) {
    this.scenario = scenario;
    this.metrics = new RunMetrics(scenario);
  }

  @Override
  public void event(String persistenceId, long sequenceNr, Object event) {
    if (event instanceof BidderTickSettled s) {
      settled.computeIfAbsent(s.tick(), t -> new ArrayList<>()).add(s);
    } else if (event instanceof OutcomesRecorded o) {
      metrics.onTick(new TickResult(o.tick(), List.of(), List.of(o), null));
    } else if (event instanceof ExternalAnswersRecorded e) {
      external.add(e);
    } else if (event instanceof TickCompleted t) {
      // Should a tick be journaled twice, both count, as they always have: the figures mirror the journal.
      completed.merge(t.tick(), t, (a, b) -> new TickCompleted(a.tick(), a.auctions() + b.auctions()));
    }
  }

  /** The metrics of every tick read, with the walk's digest. */
  RunJournal contents(String digest) {
    TreeSet<Long> ticks = new TreeSet<>(settled.keySet());
    ticks.addAll(completed.keySet());
    for (long t : ticks) {
      metrics.onTick(new TickResult(t, settled.getOrDefault(t, List.of()), List.of(), completed.get(t)));
    }
    return new RunJournal(metrics.snapshot().withDigest(digest).withExternal(external), metrics.ticks(), metrics.tickOutcomes(),
        metrics.lastTick());
  }
}
