package org.bidarena.agents;

import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.AuctionSpec;

/**
 * The pure part of the Bidder actor: turns one partition's auctions into the agent's bids.
 *
 * <p>Per row: no bid on a stage the agent does not target or on a customer it has reached its frequency
 * cap with; otherwise the strategy's bid, a positive one clamped into [minBid, maxBid].
 */
public final class BidPlanner {
  private final AgentSpec agent;
  private final int agentIndex;
  private final AuctionSpec auction;
  private final BiddingStrategy strategy;

  public BidPlanner(AgentSpec agent, int agentIndex, AuctionSpec auction, BiddingStrategy strategy) {
    this.agent = agent;
    this.agentIndex = agentIndex;
    this.auction = auction;
    this.strategy = strategy;
  }

  /** The id of auction row {@code index} of (tick, partition); see {@link AuctionId}. */
  public static long auctionId(long tick, int partition, int index) {
    return AuctionId.of(tick, partition, index);
  }

  public BiddingStrategy strategy() {
    return strategy;
  }

  /** The agent's bids, one per auction row, in micros per impression; 0 = no bid. */
  public long[] plan(long tick, int partition, VisitBatch auctions) {
    int n = auctions.size();
    long[] bids = new long[n];
    byte[] stages = auctions.stages();
    int cap = agent.frequencyCap();
    long min = auction.minBidMicros();
    long max = auction.maxBidMicros();
    int stageMask = agent.stageMask();
    byte[] frequency = auctions.frequency();
    int agents = auctions.agents();
    long uniform = strategy.uniformBid(tick, partition);
    long uniformClamped = uniform > 0 ? Math.min(max, Math.max(min, uniform)) : 0;
    for (int i = 0; i < n; i++) {
      if ((stageMask & (1 << stages[i])) == 0 || frequency[i * agents + agentIndex] >= cap) {
        continue;
      }
      if (uniform >= 0) {
        bids[i] = uniformClamped;
      } else {
        long raw = strategy.bid(tick, partition, auctions, i);
        if (raw > 0) {
          bids[i] = Math.min(max, Math.max(min, raw));
        }
      }
    }
    return bids;
  }
}
