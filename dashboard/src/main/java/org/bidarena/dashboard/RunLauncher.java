package org.bidarena.dashboard;

import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.scenario.Scenario;

/**
 * How the dashboard starts a run: the command line implements it with the same loading, checks and run
 * folder as {@code bidarena run}, so the dashboard cannot start a run the command line would refuse.
 */
public interface RunLauncher {
  /**
   * Loads and checks the scenario and creates the run folder {@code dir}; a bad scenario, seed or override
   * is a {@link org.bidarena.analysis.BadInput} and nothing is created.
   *
   * @param scenarioFile a scenario file laid over the default one, or null for the default alone
   */
  PreparedRun prepare(Path scenarioFile, List<String> overrides, Long seed, Path dir);

  /** A run whose folder exists, ready to play. */
  interface PreparedRun {
    Scenario scenario();

    Path dir();

    /** Plays the run to its end on the calling thread and returns what summary.json holds. */
    RunSummary play(Hooks hooks) throws Exception;
  }

  /** What the dashboard hears from a run being played. */
  interface Hooks {
    /** The engine is up: {@code driver} takes {@link org.bidarena.core.driver.Driver.Pace}. */
    void engineUp(ActorSystem<?> system, ActorRef<DriverProtocol.Command> driver);

    /** The last tick is journaled; the node is still up until this returns. */
    void ticksDone();
  }
}
