package org.bidarena.agents;

import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/** Builds an agent's strategy from its scenario entry. */
public final class Strategies {
  private Strategies() {}

  public static BiddingStrategy create(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
    long base = scenario.baseBidMicros();
    return switch (agent.strategy()) {
      case AGGRESSIVE, CONSERVATIVE, RETARGETING -> new MultiplierStrategy(base, agent.multiplier());
      case ADAPTIVE -> new AdaptiveStrategy(base, agent.multiplier(), agent.adaptive());
      case RANDOM -> new RandomStrategy(scenario.auction().minBidMicros(), base, agentIndex, streams);
      case FIXED -> new FixedStrategy(agent.fixedBidMicros());
    };
  }
}
