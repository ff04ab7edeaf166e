package org.bidarena.agents;

import java.util.List;
import org.bidarena.core.protocol.BidderProtocol.Outcomes;
import org.bidarena.core.protocol.BidderProtocol.WinNotice;

/** How an agent prices one auction. Implementations are deterministic functions of their inputs and state. */
public interface BiddingStrategy {
  /**
   * The agent's raw bid for the context's row (before targeting, frequency cap and clamping), 0 = no bid.
   * The context is a flyweight: read it during the call, never keep it.
   */
  long bid(BidContext context);

  /**
   * The raw bid of every row of this (tick, partition) when it does not depend on the row, or -1 when it
   * does. It lets the planner price a whole batch without a call per row.
   */
  default long uniformBid(long tick, int partition) {
    return -1;
  }

  /**
   * Which of the agent's creatives the row's bid shows (an index into its {@code creatives}), called right
   * after a positive {@link #bid}; -1 (the default) leaves it to the seeded per-customer choice.
   */
  default int creative(BidContext context) {
    return -1;
  }

  /**
   * The tick's per-auction results, before {@link #onTickSettled}: the win notices ordered by partition and
   * the outcomes ordered by shard, so a strategy that attributes them to its own line items sees them in the
   * same order on every run. Default no-op.
   */
  default void onAuctions(long tick, List<WinNotice> wins, List<Outcomes> outcomes) {}

  /**
   * The decisions the strategy made while settling the tick just settled (empty by default); the Bidder
   * journals them with the tick. Each call returns them once.
   */
  default List<StrategyDecision> takeDecisions() {
    return List.of();
  }

  /** Learns from the agent's settled tick (adaptive only; default no-op). */
  default void onTickSettled(TickSettlement s) {}

  /** The current factor on the base bid, for reporting (1.0 when it has none). */
  default double multiplier() {
    return 1.0;
  }

  /**
   * Mutable learning state for checkpoints; restore(state()) must give an identical strategy. A strategy
   * that does not learn keeps the default: an empty state.
   */
  default double[] state() {
    return new double[0];
  }

  default void restore(double[] state) {
    if (state.length != 0) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " has no state, got " + state.length + " values");
    }
  }
}
