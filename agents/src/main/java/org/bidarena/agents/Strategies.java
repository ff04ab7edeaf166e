package org.bidarena.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.StrategyCatalog;
import org.bidarena.core.scenario.StrategyDeclaration;

/**
 * The strategy catalog: every {@link StrategyEntry} named in a {@code META-INF/services} file on the class
 * path, sorted by name (a name given twice is refused). It is the core's {@link StrategyCatalog} provider,
 * so the scenario loader validates agents against it, and it builds an agent's strategy.
 */
public final class Strategies implements StrategyCatalog {
  /** Found once: the entries are stateless declarations. */
  private static final List<StrategyEntry> ENTRIES = load();

  /** For {@link ServiceLoader}; every instance serves the same entries. */
  public Strategies() {}

  private static List<StrategyEntry> load() {
    List<StrategyEntry> found = new ArrayList<>();
    ServiceLoader.load(StrategyEntry.class, StrategyEntry.class.getClassLoader()).forEach(found::add);
    // StrategyCatalog.of checks names and settings and sorts by name.
    return StrategyCatalog.of(found).strategies().stream().map(StrategyEntry.class::cast).toList();
  }

  @Override
  public List<StrategyDeclaration> strategies() {
    return List.copyOf(ENTRIES);
  }

  /** The catalog's entry named {@code name}. */
  public static StrategyEntry entry(String name) {
    for (StrategyEntry e : ENTRIES) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no strategy '" + name + "' in the catalog; it has "
        + ENTRIES.stream().map(StrategyEntry::name).toList());
  }

  public static BiddingStrategy create(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
    return entry(agent.strategy()).build(agent, agentIndex, scenario, streams);
  }
}
