package org.bidarena.app.env;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.analysis.BadInput;
import org.bidarena.app.command.ScenarioArgument;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.training.env.EnvSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What 'env serve' and 'env trace' share: the scenario, its overrides and the learning agents. */
final class EnvOptions {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.conf",
      description = "The scenario (default: the default scenario).")
  Path scenarioFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides one scenario key, as for 'run'. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--agent", paramLabel = "ID",
      description = "An agent whose slot the client plays; repeatable, in the order of actions and observations"
          + " (default: adaptive).")
  List<String> agents = new ArrayList<>();

  @Option(names = "--max-multiplier", paramLabel = "X",
      description = "The highest multiplier an action may set (default ${DEFAULT-VALUE}, the learners' default).")
  double maxMultiplier = EnvSpec.DEFAULT_MAX_MULTIPLIER;

  EnvSpec spec() {
    Scenario scenario = ScenarioLoader.load(ScenarioArgument.check(scenarioFile), overrides, null);
    try {
      List<String> run = new ArrayList<>();
      if (scenarioFile != null) {
        run.add(scenarioFile.toAbsolutePath().toString());
      }
      for (String set : overrides) {
        run.add("--set");
        run.add(set);
      }
      return EnvSpec.of(scenario, agents.isEmpty() ? List.of("adaptive") : agents, maxMultiplier, run);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
  }
}
