package org.bidarena.app.node;

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
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.Engine;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.cluster.NodeSettings;
import org.bidarena.cluster.PostgresSchema;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.driver.RunProgress;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;

/** A one-node cluster in this JVM that plays a run: used by run, resume and bench. */
public final class LocalNode {
  /**
   * A fatal error (out of memory) in a Pekko thread stops this node's actor system rather than exiting the
   * JVM from that thread: the command line reports it in one line ({@code fatal.FatalErrors}), and a JVM that
   * hosts runs (serve, tests) outlives one run's failure.
   */
  private static final Config STOP_ON_FATAL_ERROR =
      com.typesafe.config.ConfigFactory.parseString("pekko.jvm-exit-on-fatal-error = off");

  private LocalNode() {}

  /** The run's first event, from the fully resolved scenario. */
  public static RunStarted runStarted(Scenario scenario) {
    String text = ScenarioLoader.render(scenario);
    return new RunStarted(text, scenario.seed(), RunFolder.sha256(text), scenario.totalTicks());
  }

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
    // A fatal error in a Pekko thread stops the system (jvm-exit-on-fatal-error is off): never wait on it.
    system.getWhenTerminated().thenRun(() -> finished.completeExceptionally(
        new RunFailed("this node stopped before the run ended; the run log says why")));
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

  /** A node on its own with every role, joined to itself, on this journal, its tables created when missing. */
  public static ActorSystem<Void> start(JournalSettings journal) throws Exception {
    prepareJournal(journal);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), NodeSettings.SYSTEM_NAME,
        STOP_ON_FATAL_ERROR.withFallback(NodeSettings.standalone().toConfig(journal)));
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    createH2Tables(system, journal);
    return system;
  }

  /** PostgreSQL: the run's schema and tables, before any node writes (bad input if unreachable). */
  public static long prepareJournal(JournalSettings journal) {
    if (!journal.isPostgres()) {
      return 0;
    }
    try {
      return PostgresSchema.createIfMissing(journal);
    } catch (PostgresSchema.Unreachable first) {
      // Nodes starting together may race on CREATE ... IF NOT EXISTS; the second attempt sees the tables.
      try {
        return PostgresSchema.createIfMissing(journal);
      } catch (PostgresSchema.Unreachable e) {
        throw new BadInput(e.getMessage());
      }
    }
  }

  /** H2: the plugin's bundled script, in the run folder's database file. */
  public static void createH2Tables(ActorSystem<?> system, JournalSettings journal) throws Exception {
    if (!journal.isPostgres()) {
      SchemaUtils.createIfNotExists(system).toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  /**
   * A node on its own with every role, with {@code overrides} laid over its configuration: the bench uses
   * it to swap the journal plugin. The H2 settings are a placeholder that no plugin opens then.
   */
  public static ActorSystem<Void> start(Config overrides, Path unusedJournalDir) {
    Config config = overrides.withFallback(STOP_ON_FATAL_ERROR)
        .withFallback(NodeSettings.standalone().toConfig(JournalSettings.h2(unusedJournalDir)));
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), NodeSettings.SYSTEM_NAME, config);
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    return system;
  }

  /** The run stopped before its last tick. */
  public static final class RunFailed extends Exception {
    public RunFailed(String reason) {
      super(reason);
    }
  }
}
