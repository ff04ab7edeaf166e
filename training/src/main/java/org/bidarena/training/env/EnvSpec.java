package org.bidarena.training.env;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.agents.learning.MarketObservation;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * What a step server offers: the scenario, the agents whose slots its clients play (in the order of every
 * action and observation list), and the range of an action (the multiplier on the base bid; 0 = no bid).
 */
public record EnvSpec(Scenario scenario, List<String> agents, int[] agentIndex, double maxMultiplier,
    List<String> runArguments) {
  /** The learners' default highest multiplier: observations scale the last multiplier by it. */
  public static final double DEFAULT_MAX_MULTIPLIER = 3.0;
  public static final String[] OBSERVATION_NAMES = {"day-left", "budget-left", "win-rate", "cost-per-impression",
      "roas", "last-multiplier"};

  /** @throws IllegalArgumentException naming an unknown or repeated agent, or a bad multiplier range */
  public static EnvSpec of(Scenario scenario, List<String> agents, double maxMultiplier) {
    return of(scenario, agents, maxMultiplier, List.of());
  }

  /**
   * @param runArguments how {@code bidarena run} gets this scenario (its file and {@code --set}s), for the command
   *     that reruns a recorded episode
   */
  public static EnvSpec of(Scenario scenario, List<String> agents, double maxMultiplier, List<String> runArguments) {
    if (agents.isEmpty()) {
      throw new IllegalArgumentException("give at least one learning agent; the scenario has " + ids(scenario));
    }
    if (!(maxMultiplier > 0 && maxMultiplier <= 100)) {
      throw new IllegalArgumentException("--max-multiplier must be above 0 and at most 100, got " + maxMultiplier);
    }
    int[] index = new int[agents.size()];
    for (int i = 0; i < agents.size(); i++) {
      index[i] = ids(scenario).indexOf(agents.get(i));
      if (index[i] < 0) {
        throw new IllegalArgumentException("no agent '" + agents.get(i) + "' in scenario " + scenario.name()
            + "; it has " + ids(scenario));
      }
      if (agents.subList(0, i).contains(agents.get(i))) {
        throw new IllegalArgumentException("agent '" + agents.get(i) + "' is given twice");
      }
    }
    return new EnvSpec(scenario, List.copyOf(agents), index, maxMultiplier, List.copyOf(runArguments));
  }

  private static List<String> ids(Scenario scenario) {
    List<String> ids = new ArrayList<>();
    for (AgentSpec a : scenario.agents()) {
      ids.add(a.id());
    }
    return ids;
  }

  public int observationSize() {
    return MarketObservation.DIM;
  }

  /** The agent spec of learning agent i. */
  public AgentSpec agent(int i) {
    return scenario.agents().get(agentIndex[i]);
  }
}
