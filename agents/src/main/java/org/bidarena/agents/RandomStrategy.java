package org.bidarena.agents;

import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;

/**
 * The random baseline: a uniform integer bid in [minBid, 2 * baseBid], drawn from (seed, agent, auction id)
 * so that the same auction always gets the same bid, whichever node or thread asks.
 */
public final class RandomStrategy implements BiddingStrategy {
  private final long low;
  private final long span;
  private final int agentIndex;
  private final SeededStreams streams;

  public RandomStrategy(long minBidMicros, long baseBidMicros, int agentIndex, SeededStreams streams) {
    // At least 1 micro: a zero would mean "no bid", and the baseline always bids.
    this.low = Math.max(1, minBidMicros);
    this.span = Math.max(low, 2 * baseBidMicros) - low + 1;
    this.agentIndex = agentIndex;
    this.streams = streams;
  }

  @Override
  public long bid(long tick, int partition, VisitBatch auctions, int row) {
    long bits = streams.bits(SeededStreams.Stream.RANDOM_BID, agentIndex, BidPlanner.auctionId(tick, partition, row));
    // The modulo bias is below span / 2^64, far under any effect a simulation could show.
    return low + Long.remainderUnsigned(bits, span);
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
      throw new IllegalArgumentException("RandomStrategy has no state, got " + state.length + " values");
    }
  }
}
