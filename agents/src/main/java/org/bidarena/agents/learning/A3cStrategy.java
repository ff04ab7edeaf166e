package org.bidarena.agents.learning;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategySettings;

/**
 * The catalog entry {@code a3c}: advantage actor-critic with {@code workers} actor-learners that share one
 * network, each playing its own copy of the market. Each worker is a policy-gradient learner (one pass per
 * rollout, an unclipped advantage objective by default: the PPO machinery with clip 1000 and 1 epoch). Kept
 * deterministic by synchronous updates: every worker starts an episode from the shared weights, and after
 * it the trainer adds the workers' weight changes to the shared weights in worker order (see Trainer). In a
 * plain run (one market) it is one actor-learner.
 */
public final class A3cStrategy {
  private A3cStrategy() {}

  /** The entry. */
  public static final class Entry extends LearnerEntry {
    public Entry() {
      super("a3c");
    }

    @Override
    public List<Setting> settings() {
      List<Setting> s = new ArrayList<>(PpoStrategy.Entry.common(96, 1, 1000, 0));
      s.add(Setting.integer("workers", 1, 64, 4, "actor-learners", "the parallel workers, each on its own market"));
      return s;
    }

    @Override
    public List<AtMost> orderings() {
      return List.of(new AtMost("min-multiplier", "max-multiplier"));
    }

    @Override
    public LearnerStrategy create(AgentSpec agent, Scenario scenario, StrategySettings settings, long seed,
        boolean training) {
      return new PpoStrategy("a3c", (int) settings.integer("workers"), agent, scenario, settings, seed, training);
    }
  }
}
