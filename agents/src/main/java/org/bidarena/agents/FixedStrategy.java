package org.bidarena.agents;

import org.bidarena.core.protocol.VisitBatch;

/** The fixed baseline: the same bid on every auction. */
public final class FixedStrategy implements BiddingStrategy {
  private final long bidMicros;

  public FixedStrategy(long bidMicros) {
    this.bidMicros = bidMicros;
  }

  @Override
  public long bid(long tick, int partition, VisitBatch auctions, int row) {
    return bidMicros;
  }

  @Override
  public long uniformBid(long tick, int partition) {
    return bidMicros;
  }

  @Override
  public double multiplier() {
    return 1.0;
  }

  /** No learning state: the checkpoint is empty. */
  @Override
  public double[] state() {
    return new double[0];
  }

  @Override
  public void restore(double[] state) {
    if (state.length != 0) {
      throw new IllegalArgumentException("FixedStrategy has no state, got " + state.length + " values");
    }
  }
}
