package org.bidarena.app.analysis;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.analysis.whatif.SideBySide;
import org.bidarena.analysis.whatif.WhatIf;
import org.bidarena.app.command.ReadJournalOptions;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioException;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.core.scenario.StrategyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    description = {
      "Asks what a recorded run would have given had one agent bid by another strategy.",
      "The recorded auctions are cleared again: agent ID's bids are recomputed by STRATEGY, with its own budget"
          + " pacing, frequency cap and stage targeting; every other agent's recorded bids stay as they were. The"
          + " customers of each recorded auction visit again, and their memories and responses are re-simulated"
          + " from the run's seeded streams. Prints every agent's metrics before and after, side by side.",
      "With a different strategy, the agent's strategy settings (such as its multiplier) and stages become that"
          + " strategy's defaults unless --set gives them.",
      "Example:  bidarena whatif runs/my-run --agent conservative --strategy aggressive --set multiplier=1.1"
    })
public final class WhatIfCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The run folder, as made by 'bidarena run'.")
  Path dir;

  @Option(names = "--agent", required = true, paramLabel = "ID", description = "The agent whose bids change.")
  String agentId;

  @Option(names = "--strategy", required = true, paramLabel = "NAME",
      description = "Its new strategy: one of the catalog's, e.g. aggressive, conservative, retargeting, adaptive,"
          + " random or fixed.")
  String strategy;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Changes one of the agent's keys, e.g. --set multiplier=1.1 --set stages=[interest]"
          + " --set daily-budget=20.00 (the agent keys of the scenario file). Repeatable.")
  List<String> sets = new ArrayList<>();

  @Mixin ReadJournalOptions journal = new ReadJournalOptions();

  @Mixin PartialOption partial = new PartialOption();

  @Override
  public Integer call() throws Exception {
    RunFolder folder = RunFolder.open(dir);
    Scenario recorded = folder.scenario();
    Scenario changed = changedScenario(folder, recorded, agentId, strategy, sets);
    RecordedRun run = RecordedRun.read(folder, journal.settings(folder), journal.describe(folder), true,
        partial.partial);
    int agent = changed.agentIndex(agentId);
    WhatIf.Result after = new WhatIf(changed, agent).run(run.auctions());
    AgentSpec spec = changed.agents().get(agent);
    String stages = Arrays.stream(Stage.values()).filter(st -> spec.targets(st.ordinal())).map(Stage::key)
        .collect(Collectors.joining(", "));
    String settings = spec.settings().values().stream().map(v -> v.key() + " " + v.text() + ", ")
        .collect(Collectors.joining());
    System.out.printf("What if %s had bid as %s (%sstages %s)? Re-cleared %,d recorded auctions.%n%n",
        agentId, spec.strategy(), settings, stages, run.summary().auctions());
    if (run.coverage().partial()) {
      System.out.println(run.coverage().label());
      System.out.println();
    }
    System.out.print(SideBySide.of(run.summary().agents(), after.agents()));
    return 0;
  }

  /** The recorded scenario with the agent's strategy (and any --set keys of the agent) changed, validated. */
  public static Scenario changedScenario(RunFolder folder, Scenario recorded, String agentId, String strategy,
      List<String> sets) {
    List<String> ids = recorded.agents().stream().map(AgentSpec::id).toList();
    if (!ids.contains(agentId)) {
      throw new BadInput("--agent " + agentId + ": the run has no such agent; its agents are " + String.join(", ", ids));
    }
    List<String> known = StrategyCatalog.installed().names();
    if (!known.contains(strategy)) {
      throw new BadInput("--strategy " + strategy + ": unknown strategy; one of " + String.join(", ", known));
    }
    String base = "agents." + agentId;
    Config config = ConfigFactory.parseFile(folder.scenarioFile().toFile());
    AgentSpec before = recorded.agents().get(recorded.agentIndex(agentId));
    if (!before.strategy().equals(strategy)) {
      // Settings the two strategies share, such as a multiplier, take the new strategy's defaults.
      config = config.withoutPath(base + ".stages");
      for (var setting : before.settings().values()) {
        config = config.withoutPath(base + "." + setting.key());
      }
    }
    config = config.withValue(base + ".strategy", ConfigValueFactory.fromAnyRef(strategy));
    for (String set : sets) {
      int eq = set.indexOf('=');
      String key = eq < 0 ? "" : set.substring(0, eq).trim();
      if (key.isEmpty() || key.contains(".")) {
        throw new BadInput("--set " + set + ": must be KEY=VALUE with one of the agent's keys, e.g. multiplier=1.1");
      }
      if (key.equals("strategy")) {
        // Else --strategy fixed --set strategy=random would quietly run random.
        throw new BadInput("--set " + set + ": the strategy is given by --strategy (here " + strategy + "), not by --set");
      }
      try {
        config = ConfigFactory.parseString(base + "." + key + " = " + set.substring(eq + 1).trim()).withFallback(config);
      } catch (ConfigException e) {
        throw new BadInput("--set " + set + ": cannot parse: " + e.getMessage());
      }
    }
    try {
      return ScenarioLoader.fromConfig(config);
    } catch (ScenarioException e) {
      throw new BadInput("what-if scenario: " + e.getMessage());
    }
  }
}
