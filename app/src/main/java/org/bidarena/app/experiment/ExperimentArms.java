package org.bidarena.app.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.bidarena.analysis.BadInput;
import org.bidarena.app.command.ScenarioArgument;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;

/**
 * The arms of an experiment, each a name and its scenario loaded and checked now, before anything runs: one
 * arm per scenario file, one per strategy of a single agent laid over a base scenario, or one per name of
 * {@code --arm NAME:KEY=VALUE} options laid over a base scenario.
 */
final class ExperimentArms {
  private ExperimentArms() {}

  /** One arm per file (at least two), named after the file; {@code common} overrides apply to each. */
  static Map<String, Scenario> ofFiles(List<Path> files, List<String> common) {
    if (files.size() < 2) {
      throw new BadInput("an experiment needs two scenario files (A.conf B.conf), or --agent ID --strategies a,b"
          + " with at most one base scenario; got " + files.size() + " file" + (files.size() == 1 ? "" : "s"));
    }
    Map<String, Scenario> arms = new LinkedHashMap<>();
    for (Path file : files) {
      Scenario scenario = ScenarioLoader.load(ScenarioArgument.check(file), common, null);
      String stem = file.getFileName().toString().replaceFirst("\\.conf$", "");
      String name = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
      if (name.isEmpty() || name.startsWith(".")) {
        name = "arm" + (arms.size() + 1);
      }
      String unique = name;
      for (int i = 2; arms.containsKey(unique); i++) {
        unique = name + "-" + i;
      }
      arms.put(unique, scenario);
    }
    return arms;
  }

  /** One arm per strategy of {@code agent} (at least two, each once) over {@code base} (null: the default). */
  static Map<String, Scenario> ofStrategies(Path base, List<String> common, String agent, List<String> strategies) {
    Scenario scenario = ScenarioLoader.load(ScenarioArgument.check(base), common, null);
    List<String> ids = scenario.agents().stream().map(AgentSpec::id).toList();
    if (!ids.contains(agent)) {
      throw new BadInput("--agent " + agent + " is not an agent of the scenario; its agents are " + String.join(",", ids));
    }
    List<String> names = new ArrayList<>();
    for (String s : strategies) {
      String t = s.trim();
      if (t.isEmpty()) {
        throw new BadInput("--strategies has an empty name; give two or more strategies separated by commas");
      }
      if (names.contains(t)) {
        throw new BadInput("--strategies " + t + " is given twice; give each strategy once");
      }
      names.add(t);
    }
    if (names.size() < 2) {
      throw new BadInput("--strategies needs at least two strategies to compare, e.g. adaptive,fixed; got "
          + String.join(",", names));
    }
    Map<String, List<String>> arms = new LinkedHashMap<>();
    for (String strategy : names) {
      arms.put(strategy.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-"),
          List.of("agents." + agent + ".strategy=" + strategy));
    }
    return ofOverrides(base, common, arms);
  }

  /**
   * The arms of repeated {@code --arm NAME:KEY=VALUE} options: each NAME (in order of first appearance) is an
   * arm over {@code base} with its own overrides after the common ones; {@code --arm NAME:} adds none.
   */
  static Map<String, Scenario> ofArmOptions(Path base, List<String> common, List<String> options) {
    Map<String, List<String>> arms = new LinkedHashMap<>();
    for (String option : options) {
      int colon = option.indexOf(':');
      String name = colon < 0 ? "" : option.substring(0, colon).trim();
      if (!name.matches("[a-z0-9][a-z0-9._-]{0,39}")) {
        throw new BadInput("--arm " + option + ": give NAME:KEY=VALUE (or NAME: for no change), NAME of 1 to 40"
            + " lower-case letters, digits, '.', '_' or '-'");
      }
      String set = option.substring(colon + 1).trim();
      List<String> overrides = arms.computeIfAbsent(name, k -> new ArrayList<>());
      if (!set.isEmpty()) {
        overrides.add(set);
      }
    }
    if (arms.size() < 2) {
      throw new BadInput("--arm names " + arms.size() + " arm" + (arms.size() == 1 ? "" : "s") + "; an experiment"
          + " needs two or more, e.g. --arm base: --arm fp:auction.type=first-price");
    }
    return ofOverrides(base, common, arms);
  }

  private static Map<String, Scenario> ofOverrides(Path base, List<String> common, Map<String, List<String>> arms) {
    Map<String, Scenario> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> arm : arms.entrySet()) {
      List<String> overrides = new ArrayList<>(common);
      overrides.addAll(arm.getValue());
      out.put(arm.getKey(), ScenarioLoader.load(base, overrides, null));
    }
    return out;
  }

  /** The agents every arm has, in the first arm's order: the ones the experiment can compare. */
  static List<String> commonAgents(Map<String, Scenario> arms) {
    List<String> common = null;
    for (Scenario s : arms.values()) {
      List<String> ids = s.agents().stream().map(AgentSpec::id).collect(Collectors.toList());
      if (common == null) {
        common = ids;
      } else {
        common.retainAll(ids);
      }
    }
    if (common == null || common.isEmpty()) {
      throw new BadInput("the arms have no agent id in common, so no agent can be compared: " + arms.entrySet().stream()
          .map(e -> e.getKey() + " has " + e.getValue().agents().stream().map(AgentSpec::id)
              .collect(Collectors.joining(","))).collect(Collectors.joining("; ")));
    }
    return common;
  }
}
