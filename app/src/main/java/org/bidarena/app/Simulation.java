package org.bidarena.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.nio.file.Files;
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
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.bidarena.cluster.Engine;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.driver.RunProgress;
import org.bidarena.core.events.CheckpointCompleted;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.slf4j.LoggerFactory;

/** Plays (or continues) a scenario in this JVM, on the run folder's H2 journal, and reports its result. */
final class Simulation {
  private final RunFolder folder;
  private final Scenario scenario;
  private final PrintStream out;

  Simulation(RunFolder folder, Scenario scenario, PrintStream out) {
    this.folder = folder;
    this.scenario = scenario;
    this.out = out;
  }

  /** Runs to the end (or continues), then writes summary.json and ticks.csv. Returns the summary. */
  RunSummary run() throws Exception {
    FileAppender<ILoggingEvent> log = logTo(folder);
    ActorSystem<Void> system = LocalNode.start(JournalSettings.h2(folder.dir()));
    try {
      LocalNode.DriverJournal journaled = LocalNode.readDriver(system);
      RunStarted run = LocalNode.runStarted(scenario);
      if (journaled.run() != null && !journaled.run().scenarioSha256().equals(run.scenarioSha256())) {
        throw new BadInput(folder.dir() + ": the journal belongs to another scenario or seed than scenario.conf");
      }
      RestorePoint restore = new RestorePoint(journaled.lastCheckpoint());
      if (journaled.run() != null) {
        out.printf("Resuming %s from checkpoint tick %d (last completed tick %d of %d)%n", folder.dir(),
            restore.tick(), journaled.lastCompleted(), scenario.totalTicks() - 1);
      }
      try (ProgressDisplay progress = new ProgressDisplay(scenario.totalTicks(), scenario.ticksPerDay(), out)) {
        LocalNode.play(system, scenario, restore, run, progress::tickFinished);
        out.printf("%nSimulated %d ticks in %.1f s%n", scenario.totalTicks(), progress.elapsedSeconds());
      }
      JournalReader.Contents contents = JournalReader.read(system, scenario);
      RunFolder.writeAtomically(folder.summaryJson(), contents.summary().toJson());
      RunFolder.writeAtomically(folder.ticksCsv(), JournalReader.ticksCsv(scenario, contents.ticks()));
      folder.writeStatus(scenario, "complete");
      return contents.summary();
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      detach(log);
    }
  }

  /** Sends the run's log to DIR/run.log; the terminal only shows warnings. */
  private static FileAppender<ILoggingEvent> logTo(RunFolder folder) throws Exception {
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

  private static void detach(FileAppender<ILoggingEvent> file) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(file);
    file.stop();
  }

}
