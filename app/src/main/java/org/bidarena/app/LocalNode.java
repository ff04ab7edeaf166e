package org.bidarena.app;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.bidarena.cluster.Engine;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.cluster.NodeSettings;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.driver.RunProgress;
import org.bidarena.core.events.CheckpointCompleted;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;

/** A one-node cluster in this JVM that plays a run: used by run, resume and bench. */
public final class LocalNode {
  private LocalNode() {}

  /** The run's first event, from the fully resolved scenario. */
  public static RunStarted runStarted(Scenario scenario) {
    String text = ScenarioLoader.render(scenario);
    return new RunStarted(text, scenario.seed(), RunFolder.sha256(text), scenario.totalTicks());
  }

  /** What the Driver journaled so far. */
  public record DriverJournal(RunStarted run, long lastCompleted, long lastCheckpoint) {}

  /** Hears of each finished tick. */
  public interface TickListener {
    void tickFinished(long tick, long auctions);
  }

  /**
   * Gives the Driver its start (the engine runs on every node of the run) and waits until the last tick
   * is done. Throws {@link RunFailed} with the Driver's reason when the run stops.
   */
  public static void play(ActorSystem<?> system, Engine engine, RestorePoint restore, RunStarted run, TickListener listener)
      throws Exception {
    CompletableFuture<Long> finished = new CompletableFuture<>();
    ActorRef<RunProgress> observer = system.systemActorOf(
        Behaviors.receive(RunProgress.class)
            .onMessage(RunProgress.TickFinished.class, t -> {
              listener.tickFinished(t.tick(), t.auctions());
              return Behaviors.same();
            })
            .onMessage(RunProgress.RunFinished.class, f -> {
              finished.complete(f.lastTick());
              return Behaviors.stopped();
            })
            .onMessage(RunProgress.RunFailed.class, f -> {
              finished.completeExceptionally(new RunFailed(f.reason()));
              return Behaviors.stopped();
            })
            .build(),
        "run-observer", Props.empty());
    engine.driver().tell(new Driver.Start(run, restore, observer, upMembers(system)));
    try {
      finished.get();
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  /** The members that are up now: the nodes that take part in the run from its start. */
  private static String[] upMembers(ActorSystem<?> system) {
    return java.util.stream.StreamSupport.stream(Cluster.get(system).state().getMembers().spliterator(), false)
        .filter(m -> m.status() == org.apache.pekko.cluster.MemberStatus.up())
        .map(m -> m.address().toString())
        .toArray(String[]::new);
  }

  /** A node on its own with every role, on this journal, its tables created when missing. */
  public static ActorSystem<Void> start(JournalSettings journal) throws Exception {
    return Simulation.startNode(journal);
  }

  /**
   * A node on its own with every role, with {@code overrides} laid over its configuration: the bench uses
   * it to swap the journal plugin. The H2 settings are a placeholder that no plugin opens then.
   */
  public static ActorSystem<Void> start(Config overrides, Path unusedJournalDir) {
    Config config = overrides.withFallback(NodeSettings.standalone().toConfig(JournalSettings.h2(unusedJournalDir)));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), NodeSettings.SYSTEM_NAME, config);
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    return system;
  }

  public static DriverJournal readDriver(ActorSystem<?> system) throws Exception {
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

  /** The run stopped before its last tick. */
  public static final class RunFailed extends Exception {
    public RunFailed(String reason) {
      super(reason);
    }
  }
}
