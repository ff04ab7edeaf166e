package org.bidarena.analysis.journal;

import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.events.CheckpointCompleted;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.events.TickCompleted;

/** What the Driver journaled so far: the run it started, its last completed tick and its last checkpoint. */
public record DriverJournal(RunStarted run, long lastCompleted, long lastCheckpoint) {

  /** Reads the Driver's events from the journal that {@code system} is configured with. */
  public static DriverJournal read(ActorSystem<?> system) throws Exception {
    JdbcReadJournal journal =
        PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    RunStarted[] run = {null};
    long[] last = {-1, -1};
    journal.currentEventsByPersistenceId(Driver.PERSISTENCE_ID, 0L, Long.MAX_VALUE)
        .runWith(Sink.foreach((EventEnvelope env) -> {
          Object e = env.event();
          if (e instanceof RunStarted r) run[0] = r;
          if (e instanceof TickCompleted t) last[0] = Math.max(last[0], t.tick());
          if (e instanceof CheckpointCompleted c) last[1] = c.tick();
        }), system)
        .toCompletableFuture().get(5, TimeUnit.MINUTES);
    return new DriverJournal(run[0], last[0], last[1]);
  }
}
