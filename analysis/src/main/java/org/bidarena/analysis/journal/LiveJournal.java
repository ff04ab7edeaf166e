package org.bidarena.analysis.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.stream.javadsl.Sink;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.analysis.metrics.RunMetrics;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.analysis.metrics.TickResult;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * A run's journal read while the run goes on: each {@link #poll} reads what the Driver, the bidders and the
 * customer shards journaled since the last one and feeds every completed tick, in order, to
 * {@link RunMetrics}, the same code that makes summary.json. The caller polls when it likes (a live view at
 * its render interval), on its own thread: the run never waits for it. The exchanges' auctions, by far the
 * largest part of the journal, are not read.
 */
public final class LiveJournal {
  private final ActorSystem<?> system;
  private final JdbcReadJournal journal;
  private final RunMetrics metrics;
  private final Consumer<TickResult> listener;
  /** Next sequence number to read, by persistence id; the Driver's comes first. */
  private final Map<String, Long> next = new LinkedHashMap<>();
  private final TreeMap<Long, List<BidderTickSettled>> settled = new TreeMap<>();
  private final TreeMap<Long, List<OutcomesRecorded>> outcomes = new TreeMap<>();

  public LiveJournal(ActorSystem<?> system, Scenario scenario, Consumer<TickResult> listener) {
    this.system = system;
    this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    this.metrics = new RunMetrics(scenario);
    this.listener = listener;
    next.put(Driver.PERSISTENCE_ID, 1L);
    for (AgentSpec agent : scenario.agents()) {
      next.put(PersistenceId.of(EntityKeys.BIDDER.name(), agent.id()).id(), 1L);
    }
    for (int k = 0; k < scenario.shards(); k++) {
      next.put(PersistenceId.of(EntityKeys.SHARD.name(), Integer.toString(k)).id(), 1L);
    }
  }

  /**
   * Reads the journal's news and feeds the ticks it completes. The Driver is read first: it journals a
   * tick only after every participant has, so every event of the ticks it names is already there.
   */
  public synchronized long poll() throws Exception {
    List<TickCompleted> completed = new ArrayList<>();
    for (Map.Entry<String, Long> id : next.entrySet()) {
      List<EventEnvelope> read = journal.currentEventsByPersistenceId(id.getKey(), id.getValue(), Long.MAX_VALUE)
          .runWith(Sink.seq(), system).toCompletableFuture().get(1, TimeUnit.MINUTES);
      for (EventEnvelope env : read) {
        id.setValue(env.sequenceNr() + 1);
        Object event = env.event();
        if (event instanceof TickCompleted t) {
          completed.add(t);
        } else if (event instanceof BidderTickSettled s) {
          settled.computeIfAbsent(s.tick(), t -> new ArrayList<>()).add(s);
        } else if (event instanceof OutcomesRecorded o) {
          outcomes.computeIfAbsent(o.tick(), t -> new ArrayList<>()).add(o);
        }
      }
    }
    for (TickCompleted t : completed) {
      TickResult tick = new TickResult(t.tick(), take(settled, t.tick()), take(outcomes, t.tick()), t);
      metrics.onTick(tick);
      listener.accept(tick);
    }
    return metrics.lastTick();
  }

  /** Every event up to {@code tick}: older ones belong to it too (a tick is fed once, in order). */
  private static <T> List<T> take(TreeMap<Long, List<T>> byTick, long tick) {
    List<T> all = new ArrayList<>();
    while (!byTick.isEmpty() && byTick.firstKey() <= tick) {
      all.addAll(byTick.pollFirstEntry().getValue());
    }
    return all;
  }

  /** The figures of the ticks fed so far. */
  public synchronized RunSummary snapshot() {
    return metrics.snapshot();
  }

  public synchronized long lastTick() {
    return metrics.lastTick();
  }
}
