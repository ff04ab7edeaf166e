package org.bidarena.app.serve;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.run.Simulation;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioException;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.dashboard.RunLauncher;

/** Starts the page's runs exactly as {@code bidarena run} does: same loader, same checks, H2 journal in the folder. */
public final class LocalRunLauncher implements RunLauncher {
  @Override
  public PreparedRun prepare(Path scenarioFile, List<String> overrides, Long seed, Path dir) {
    if (scenarioFile != null && !Files.isRegularFile(scenarioFile)) {
      throw new BadInput("scenario file " + scenarioFile + " does not exist");
    }
    Scenario scenario;
    try {
      scenario = ScenarioLoader.load(scenarioFile, overrides, seed);
    } catch (ScenarioException e) {
      // The command line shows the same line and exits 2.
      throw new BadInput(e.getMessage());
    }
    RunFolder.requireFree(dir);
    RunFolder folder;
    try {
      folder = RunFolder.create(dir, scenario);
    } catch (java.io.IOException e) {
      throw new BadInput("run folder " + dir + " cannot be created: " + e.getMessage());
    }
    return new PreparedRun() {
      @Override
      public Scenario scenario() {
        return scenario;
      }

      @Override
      public Path dir() {
        return dir;
      }

      @Override
      public RunSummary play(Hooks hooks) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return new Simulation(folder, scenario, quiet, JournalSettings.h2(dir)).run(hooks);
      }
    };
  }
}
