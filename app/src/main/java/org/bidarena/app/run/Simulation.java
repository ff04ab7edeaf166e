package org.bidarena.app.run;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.journal.DriverJournal;
import org.bidarena.analysis.journal.JournalReader;
import org.bidarena.analysis.journal.RunJournal;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.analysis.metrics.TicksCsv;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.node.LocalNode;
import org.bidarena.app.node.RunLog;
import org.bidarena.cluster.Engine;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.cluster.NodeStatus;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.dashboard.RunLauncher;

/** Plays (or continues) a scenario, on one node or as the Driver's node of a cluster, and reports its result. */
public final class Simulation {
  private final RunFolder folder;
  private final Scenario scenario;
  private final PrintStream out;
  private final JournalSettings journal;
  private RunLauncher.Hooks hooks;

  public Simulation(RunFolder folder, Scenario scenario, PrintStream out, JournalSettings journal) {
    this.folder = folder;
    this.scenario = scenario;
    this.out = out;
    this.journal = journal;
  }

  /** Runs to the end (or continues) on one node, then writes summary.json and ticks.csv. Returns the summary. */
  public RunSummary run() throws Exception {
    return run(null);
  }

  /** The same, telling {@code hooks} (a live view; may be null) when the engine is up and when the ticks are done. */
  public RunSummary run(RunLauncher.Hooks hooks) throws Exception {
    FileAppender<ILoggingEvent> log = RunLog.attach(folder);
    ActorSystem<Void> system = LocalNode.start(journal);
    try {
      DriverJournal journaled = DriverJournal.read(system);
      checkScenario(journaled);
      Engine engine = Engine.start(system, scenario);
      if (hooks != null) {
        hooks.engineUp(system, engine.driver());
      }
      this.hooks = hooks;
      return play(system, engine, journaled, new NodeStatus());
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      RunLog.detach(log);
    }
  }

  /** Refuses a journal whose run is another scenario or seed than the folder's. */
  public void checkScenario(DriverJournal journaled) {
    if (journaled.run() != null && !journaled.run().scenarioSha256().equals(LocalNode.runStarted(scenario).scenarioSha256())) {
      throw new BadInput(folder.dir() + ": the journal belongs to another scenario or seed than scenario.conf");
    }
  }

  /**
   * On the node that holds the Driver, with the engine started on every node: starts (or continues) the
   * run, shows its progress, and writes the results once the last tick is journaled.
   */
  public RunSummary play(ActorSystem<?> system, Engine engine, DriverJournal journaled, NodeStatus status)
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
    if (hooks != null) {
      hooks.ticksDone();
    }
    RunJournal contents = JournalReader.read(system, scenario);
    RunFolder.writeAtomically(folder.summaryJson(), contents.summary().toJson());
    RunFolder.writeAtomically(folder.ticksCsv(), TicksCsv.of(scenario, contents.ticks(), contents.tickOutcomes()));
    folder.writeStatus(scenario, "complete");
    return contents.summary();
  }
}
