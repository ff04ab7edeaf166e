package org.bidarena.core.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The keys an agent block may hold: those every agent has, and the settings of any catalogued strategy. */
final class AgentKeys {
  /** Keys every agent has, whatever its strategy. */
  static final List<String> COMMON = List.of(
      "strategy", "daily-budget", "pacing", "frequency-cap", "relevance", "stages", "interests", "lift", "creatives");

  private AgentKeys() {}

  /**
   * The common keys, then every strategy's settings. An agent block may name a setting of another strategy
   * (agent-defaults serves them all, and a what-if changes an agent's strategy in place); it is then unused.
   */
  static List<String> allowed(StrategyCatalog catalog) {
    Set<String> keys = new LinkedHashSet<>(COMMON);
    for (StrategyDeclaration s : catalog.strategies()) {
      for (Setting setting : s.settings()) {
        keys.add(setting.key());
      }
    }
    return new ArrayList<>(keys);
  }
}
