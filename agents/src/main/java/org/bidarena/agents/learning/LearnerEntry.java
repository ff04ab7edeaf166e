package org.bidarena.agents.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.StrategyEntry;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategySettings;

/**
 * The catalog entry of a learner. In a run the learner starts from scratch and learns online, seeded from the
 * run's seed and the agent; {@code bidarena train} builds it through {@link #create} with its own seed, and a
 * trained policy runs frozen under the {@code learned} strategy.
 */
public abstract class LearnerEntry implements StrategyEntry {
  /** The seed of an online learner, by agent index; the salt is part of the model. */
  public static final SeededStreams.Stream LEARNER_SEED = SeededStreams.Stream.register("learner-seed", 0x6001);

  private final String name;

  protected LearnerEntry(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  public abstract LearnerStrategy create(AgentSpec agent, Scenario scenario, StrategySettings settings, long seed,
      boolean training);

  @Override
  public final BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
    return create(agent, scenario, agent.settings(), streams.bits(LEARNER_SEED, agentIndex), true);
  }

  /** The agent's own settings when it already names this learner, else this learner's defaults. */
  public StrategySettings settingsFor(AgentSpec agent) {
    if (agent.strategy().equals(name)) {
      return agent.settings();
    }
    return settingsFrom(Map.of());
  }

  /** Settings from text values (a model file's header), defaults for the keys not given. */
  public StrategySettings settingsFrom(Map<String, String> text) {
    List<StrategySettings.Value> values = new ArrayList<>();
    for (Setting s : settings()) {
      String given = text.get(s.key());
      Number v = switch (s.type()) {
        case INTEGER, CPM -> given != null ? (Number) Long.parseLong(given) : (Number) s.defaultValue().longValue();
        default -> given != null ? (Number) Double.parseDouble(given) : (Number) s.defaultValue().doubleValue();
      };
      values.add(new StrategySettings.Value(s.key(), s.type(), v));
    }
    return new StrategySettings(values);
  }

  /** The settings as exact text for a model file's header. */
  public static String settingsText(StrategySettings settings) {
    StringBuilder b = new StringBuilder();
    for (StrategySettings.Value v : settings.values()) {
      if (b.length() > 0) {
        b.append(';');
      }
      b.append(v.key()).append('=').append(v.type() == Setting.Type.INTEGER || v.type() == Setting.Type.CPM
          ? Long.toString(v.value().longValue()) : Double.toString(v.value().doubleValue()));
    }
    return b.toString();
  }
}
