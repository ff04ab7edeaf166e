package org.bidarena.agents;

import java.util.List;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;

/** The fixed baseline: the same bid on every auction. */
public final class FixedStrategy implements BiddingStrategy {
  private final long bidMicros;

  public FixedStrategy(long bidMicros) {
    this.bidMicros = bidMicros;
  }

  @Override
  public long bid(BidContext context) {
    return bidMicros;
  }

  @Override
  public long uniformBid(long tick, int partition) {
    return bidMicros;
  }

  /** The catalog entry: {@code fixed}, bidding {@code bid-cpm}, by default the scenario's base bid. */
  public static final class Entry implements StrategyEntry {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public List<Setting> settings() {
      return List.of(Setting.cpm("bid-cpm", 1_000_000, "bidding.base-cpm", "the bid on every auction"));
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      return new FixedStrategy(agent.settings().micros("bid-cpm"));
    }
  }
}
