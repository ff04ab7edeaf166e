package org.bidarena.app;

import java.util.List;
import org.bidarena.agents.BidContext;
import org.bidarena.agents.BidPlanner;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.StrategyEntry;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;

/**
 * A strategy that exists only in the test sources: it flips a coin from a random stream of its own for each
 * auction and bids {@code level} CPM on heads. It reaches the catalog through this module's test resources
 * ({@code META-INF/services/org.bidarena.agents.StrategyEntry}), touching no main file.
 */
public final class CoinFlipStrategy implements BiddingStrategy {
  /** Its own stream, named without editing the core. */
  static final SeededStreams.Stream COIN = SeededStreams.Stream.register("test-coin-flip", 0x7E57_2001L);

  private final long bidMicros;
  private final long agentKey;

  CoinFlipStrategy(long bidMicros, int agentIndex, SeededStreams streams) {
    this.bidMicros = bidMicros;
    this.agentKey = streams.key(COIN, agentIndex);
  }

  /** True when the agent bids on auction {@code row} of (tick, partition). */
  static boolean heads(SeededStreams streams, int agentIndex, long tick, int partition, int row) {
    return (streams.bits(COIN, agentIndex, BidPlanner.auctionId(tick, partition, row)) & 1) == 0;
  }

  @Override
  public long bid(BidContext context) {
    return (SeededStreams.next(agentKey, context.auctionId()) & 1) == 0 ? bidMicros : 0;
  }

  /** The catalog entry: {@code coin-flip}, with an integer {@code level} from 1 to 5, in CPM. */
  public static final class Entry implements StrategyEntry {
    @Override
    public String name() {
      return "coin-flip";
    }

    @Override
    public List<Setting> settings() {
      return List.of(Setting.integer("level", 1, 5, 2, "CPM", "the bid on heads"));
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      return new CoinFlipStrategy(agent.settings().integer("level") * 1_000, agentIndex, streams);
    }
  }
}
