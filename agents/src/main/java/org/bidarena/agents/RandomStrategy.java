package org.bidarena.agents;

import java.util.List;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;

/**
 * The random baseline: a uniform integer bid in [minBid, 2 * baseBid], drawn from (seed, agent, auction id)
 * so that the same auction always gets the same bid, whichever node or thread asks.
 */
public final class RandomStrategy implements BiddingStrategy {
  /** The random bids, by (agent, auction id); the salt is part of the model. */
  public static final SeededStreams.Stream RANDOM_BID = SeededStreams.Stream.register("random-bid", 0x5001);

  private final long low;
  private final long span;
  /** The stream after its first coordinate, the agent: each bid then costs one mixing round. */
  private final long agentKey;

  public RandomStrategy(long minBidMicros, long baseBidMicros, int agentIndex, SeededStreams streams) {
    // At least 1 micro: a zero would mean "no bid", and the baseline always bids.
    this.low = Math.max(1, minBidMicros);
    this.span = Math.max(low, 2 * baseBidMicros) - low + 1;
    this.agentKey = streams.key(RANDOM_BID, agentIndex);
  }

  @Override
  public long bid(BidContext context) {
    long bits = SeededStreams.next(agentKey, context.auctionId());
    // The modulo bias is below span / 2^64, far under any effect a simulation could show.
    return low + Long.remainderUnsigned(bits, span);
  }

  /** The catalog entry: {@code random}, with no settings; it bids between the auction's minimum and twice the base bid. */
  public static final class Entry implements StrategyEntry {
    @Override
    public String name() {
      return "random";
    }

    @Override
    public List<Setting> settings() {
      return List.of();
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      return new RandomStrategy(scenario.auction().minBidMicros(), scenario.baseBidMicros(), agentIndex, streams);
    }
  }
}
