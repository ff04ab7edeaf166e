package org.bidarena.app.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.report.Report;
import org.bidarena.analysis.run.RunClaim;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.ScenarioArgument;
import org.bidarena.app.command.JournalOptions;
import org.bidarena.app.fatal.OutOfMemoryLine;
import org.bidarena.app.node.LocalNode;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Plays a scenario on this machine, journaled to an embedded H2 database in the run folder, or with"
          + " --journal postgres to a schema of its own in a PostgreSQL database.",
      "Without SCENARIO.conf it plays the default scenario (simulator-core/src/main/resources/bidarena/"
          + "default-scenario.conf, which documents every key). At the end it prints a table per agent, the"
          + " customer funnel and 'digest: <sha-256>', and writes summary.json and ticks.csv to the run folder."
    })
public final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.conf",
      description = "A HOCON scenario laid over the default one; it only needs the keys it changes.")
  Path scenarioFile;

  @Option(names = "--seed", paramLabel = "N", description = "The run seed (default: the scenario's seed).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "The run folder: new or empty (default: a new folder under runs/). A folder that holds a run is"
          + " never overwritten.")
  Path out;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Overrides one scenario key, e.g. --set auction.type=first-price --set customers.count=5000."
          + " Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Mixin JournalOptions journalOptions = new JournalOptions();

  @Override
  public Integer call() throws Exception {
    Scenario scenario = ScenarioLoader.load(ScenarioArgument.check(scenarioFile), overrides, seed);
    Path dir = out != null ? out : RunFolder.defaultLocation(scenario);
    RunFolder.requireFree(dir);
    JournalSettings journal = journalOptions.forNewRun(dir, "h2", JournalOptions.newRunId(dir));
    if (LocalNode.prepareJournal(journal) > 0) {
      throw new BadInput(journal.describe() + " already holds events of another run; a new run needs a clean schema");
    }
    try (RunClaim claim = RunClaim.take(dir)) {
      // Checked again under the claim: another run may have taken the folder since the first check.
      RunFolder.requireFree(dir);
      JournalOptions.record(dir, journal);
      RunFolder folder = RunFolder.create(dir, scenario);
      OutOfMemoryLine.runFolder(dir, scenario.customers().count());
      System.out.printf("Running scenario '%s' with seed %d: %,d customers, %d agents, %d days of %d ticks -> %s%n",
          scenario.name(), scenario.seed(), scenario.customers().count(), scenario.agentCount(), scenario.days(),
          scenario.ticksPerDay(), dir);
      return Report.print(new Simulation(folder, scenario, System.out, journal).run(), folder);
    }
  }
}
