package org.bidarena.agents;

import org.bidarena.core.random.SeededStreams;

/**
 * Which of its creatives an agent shows a customer: a seeded draw on (agent, customer), so each customer
 * always sees the same creative of an agent and the agent's customers split evenly over its creatives.
 */
final class CreativeChoice {
  /** The draws, by (agent, customer); the salt is part of the model. */
  static final SeededStreams.Stream CREATIVE = SeededStreams.Stream.register("creative-choice", 0x5002);

  private final int creatives;
  private final long agentKey;

  CreativeChoice(int creatives, int agentIndex, SeededStreams streams) {
    if (creatives < 1) {
      throw new IllegalArgumentException("an agent has at least one creative, got " + creatives);
    }
    this.creatives = creatives;
    this.agentKey = streams.key(CREATIVE, agentIndex);
  }

  int of(int customer) {
    return creatives == 1 ? 0 : SeededStreams.below(SeededStreams.next(agentKey, customer), creatives);
  }
}
