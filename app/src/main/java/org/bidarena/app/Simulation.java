package org.bidarena.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;
import org.bidarena.cluster.Engine;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.cluster.NodeSettings;
import org.bidarena.cluster.NodeStatus;
import org.bidarena.cluster.PostgresSchema;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.scenario.Scenario;
import org.slf4j.LoggerFactory;

/** Plays (or continues) a scenario, on one node or as the Driver's node of a cluster, and reports its result. */
final class Simulation {
  private final RunFolder folder;
  private final Scenario scenario;
  private final PrintStream out;
  private final JournalSettings journal;

  Simulation(RunFolder folder, Scenario scenario, PrintStream out, JournalSettings journal) {
    this.folder = folder;
    this.scenario = scenario;
    this.out = out;
    this.journal = journal;
  }

  /** Runs to the end (or continues) on one node, then writes summary.json and ticks.csv. Returns the summary. */
  RunSummary run() throws Exception {
    FileAppender<ILoggingEvent> log = logTo(folder);
    ActorSystem<Void> system = startNode(journal);
    try {
      LocalNode.DriverJournal journaled = LocalNode.readDriver(system);
      checkScenario(journaled);
      Engine engine = Engine.start(system, scenario);
      return play(system, engine, journaled, new NodeStatus());
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      detach(log);
    }
  }

  /** Refuses a journal whose run is another scenario or seed than the folder's. */
  void checkScenario(LocalNode.DriverJournal journaled) {
    if (journaled.run() != null && !journaled.run().scenarioSha256().equals(LocalNode.runStarted(scenario).scenarioSha256())) {
      throw new BadInput(folder.dir() + ": the journal belongs to another scenario or seed than scenario.conf");
    }
  }

  /**
   * On the node that holds the Driver, with the engine started on every node: starts (or continues) the
   * run, shows its progress, and writes the results once the last tick is journaled.
   */
  RunSummary play(ActorSystem<?> system, Engine engine, LocalNode.DriverJournal journaled, NodeStatus status)
      throws Exception {
    RestorePoint restore = new RestorePoint(journaled.lastCheckpoint());
    if (journaled.run() != null) {
      out.printf("Resuming %s from checkpoint tick %d (last completed tick %d of %d)%n", folder.dir(),
          restore.tick(), journaled.lastCompleted(), scenario.totalTicks() - 1);
    }
    try (ProgressDisplay progress = new ProgressDisplay(scenario.totalTicks(), scenario.ticksPerDay(), out)) {
      LocalNode.play(system, engine, restore, LocalNode.runStarted(scenario), (tick, auctions) -> {
        status.tickFinished(tick);
        progress.tickFinished(tick, auctions);
      });
      out.printf("%nSimulated %d ticks in %.1f s%n", scenario.totalTicks(), progress.elapsedSeconds());
    }
    JournalReader.Contents contents = JournalReader.read(system, scenario);
    RunFolder.writeAtomically(folder.summaryJson(), contents.summary().toJson());
    RunFolder.writeAtomically(folder.ticksCsv(), JournalReader.ticksCsv(scenario, contents.ticks()));
    folder.writeStatus(scenario, "complete");
    return contents.summary();
  }

  /** A node on its own: every role, joined to itself, with the journal's tables created if missing. */
  static ActorSystem<Void> startNode(JournalSettings journal) throws Exception {
    prepareJournal(journal);
    ActorSystem<Void> system =
        ActorSystem.create(Behaviors.empty(), NodeSettings.SYSTEM_NAME, NodeSettings.standalone().toConfig(journal));
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    createH2Tables(system, journal);
    return system;
  }

  /** PostgreSQL: the run's schema and tables, before any node writes (bad input if unreachable). */
  static long prepareJournal(JournalSettings journal) {
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
  static void createH2Tables(ActorSystem<?> system, JournalSettings journal) throws Exception {
    if (!journal.isPostgres()) {
      SchemaUtils.createIfNotExists(system).toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }



  /** Sends the run's log to DIR/run.log; the terminal only shows warnings. */
  static FileAppender<ILoggingEvent> logTo(RunFolder folder) throws Exception {
    Files.createDirectories(folder.dir());
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(context);
    file.setName("run-log");
    file.setFile(folder.logFile().toString());
    file.setEncoder(encoder);
    file.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(file);
    return file;
  }

  static void detach(FileAppender<ILoggingEvent> file) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(file);
    file.stop();
  }


}
