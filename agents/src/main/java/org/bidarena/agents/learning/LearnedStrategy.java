package org.bidarena.agents.learning;

import java.nio.file.Path;
import java.util.List;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.StrategyEntry;
import org.bidarena.agents.Strategies;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;

/**
 * The catalog entry {@code learned}: a policy trained by {@code bidarena train}, read from {@code model}
 * (a path, relative to the working directory) and played frozen and greedy: it explores and learns nothing,
 * so its checkpoint state is only its running observation. The scenario loader refuses a model file that is
 * missing, corrupt, of an unknown algorithm or trained for another agent or state layout.
 */
public final class LearnedStrategy implements StrategyEntry {
  @Override
  public String name() {
    return "learned";
  }

  @Override
  public List<Setting> settings() {
    return List.of(Setting.text("model", "path", "the model file that bidarena train wrote (model.bin)"));
  }

  @Override
  public void check(AgentSpec agent, Scenario scenario) {
    load(agent);
  }

  /** The verified model of {@code agent}, and the entry of its algorithm. */
  static ModelFile load(AgentSpec agent) {
    ModelFile model = ModelFile.read(Path.of(agent.settings().string("model")));
    if (!model.agent().equals(agent.id())) {
      throw new IllegalArgumentException("model file " + agent.settings().string("model") + " was trained for agent '"
          + model.agent() + "', not '" + agent.id() + "'");
    }
    if (!model.layout().equals(MarketObservation.LAYOUT)) {
      throw new IllegalArgumentException("model file " + agent.settings().string("model") + " has state layout "
          + model.layout() + "; this BidArena reads " + MarketObservation.LAYOUT);
    }
    entryOf(model.algorithm());
    return model;
  }

  static LearnerEntry entryOf(String algorithm) {
    StrategyEntry e;
    try {
      e = Strategies.entry(algorithm);
    } catch (IllegalArgumentException unknown) {
      e = null;
    }
    if (!(e instanceof LearnerEntry learner)) {
      throw new IllegalArgumentException("model file names algorithm '" + algorithm + "', which is not a learner of"
          + " this BidArena");
    }
    return learner;
  }

  @Override
  public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
    ModelFile model = load(agent);
    LearnerEntry entry = entryOf(model.algorithm());
    LearnerStrategy s = entry.create(agent, scenario, entry.settingsFrom(model.settingsMap()), 0, false);
    s.loadPolicy(model.policy());
    return s;
  }

  /** The model file of a trained strategy. */
  public static ModelFile modelOf(LearnerStrategy s, LearnerEntry entry, AgentSpec agent) {
    return new ModelFile(s.algorithm(), agent.id(), MarketObservation.LAYOUT,
        LearnerEntry.settingsText(entry.settingsFor(agent)), s.policy());
  }
}
