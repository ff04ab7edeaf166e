package org.bidarena.agents;

import org.bidarena.core.protocol.VisitBatch;

/** Aggressive, conservative and retargeting: a fixed factor on the base bid. Stages are the planner's job. */
public final class MultiplierStrategy implements BiddingStrategy {
  private final long bid;
  private final double multiplier;

  public MultiplierStrategy(long baseBidMicros, double multiplier) {
    this.multiplier = multiplier;
    this.bid = Math.round(baseBidMicros * multiplier);
  }

  @Override
  public long bid(long tick, int partition, VisitBatch auctions, int row) {
    return bid;
  }

  @Override
  public long uniformBid(long tick, int partition) {
    return bid;
  }

  @Override
  public double multiplier() {
    return multiplier;
  }

  /** No learning state: the checkpoint is empty. */
  @Override
  public double[] state() {
    return new double[0];
  }

  @Override
  public void restore(double[] state) {
    if (state.length != 0) {
      throw new IllegalArgumentException("MultiplierStrategy has no state, got " + state.length + " values");
    }
  }
}
