package org.bidarena.agents;

import org.bidarena.core.protocol.VisitBatch;

/** How an agent prices one auction. Implementations are deterministic functions of their inputs and state. */
public interface BiddingStrategy {
  /** The agent's raw bid for auction row i (before targeting, frequency cap and clamping), 0 = no bid. */
  long bid(long tick, int partition, VisitBatch auctions, int row);

  /** Learns from the agent's settled tick (adaptive only; default no-op). */
  default void onTickSettled(TickSettlement s) {}

  /** The current factor on the base bid, for reporting (1.0 when it has none). */
  double multiplier();

  /** Mutable learning state for checkpoints; restore(state()) must give an identical strategy. */
  double[] state();

  void restore(double[] state);
}
