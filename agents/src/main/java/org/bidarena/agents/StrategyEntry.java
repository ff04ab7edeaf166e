package org.bidarena.agents;

import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.StrategyDeclaration;

/**
 * One strategy of the catalog: what a scenario may say about it ({@link StrategyDeclaration}) and how an
 * agent's {@link BiddingStrategy} is built from that.
 *
 * <p>To add a strategy, implement this with a public no-argument constructor and name the class in a
 * {@code META-INF/services/org.bidarena.agents.StrategyEntry} file; {@link Strategies} finds it there.
 */
public interface StrategyEntry extends StrategyDeclaration {
  /** The strategy of agent {@code agentIndex}, whose settings the scenario loader has validated. */
  BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams);
}
