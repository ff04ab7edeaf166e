package org.bidarena.agents;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;

/**
 * Aggressive, conservative and retargeting: a fixed factor on the base bid. Stages are the planner's job;
 * the three differ only in their default multiplier and stages, declared by their catalog entries below.
 */
public final class MultiplierStrategy implements BiddingStrategy {
  private final long bid;
  private final double multiplier;

  public MultiplierStrategy(long baseBidMicros, double multiplier) {
    this.multiplier = multiplier;
    this.bid = Math.round(baseBidMicros * multiplier);
  }

  @Override
  public long bid(BidContext context) {
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

  /** A multiplier strategy's catalog entry: its name, default multiplier and default stages. */
  abstract static class Entry implements StrategyEntry {
    private final String name;
    private final double defaultMultiplier;
    private final Set<Stage> defaultStages;

    Entry(String name, double defaultMultiplier, Set<Stage> defaultStages) {
      this.name = name;
      this.defaultMultiplier = defaultMultiplier;
      this.defaultStages = defaultStages;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public List<Setting> settings() {
      return List.of(Setting.number(
          "multiplier", 0.01, 100, defaultMultiplier, "x bidding.base-cpm", "the factor on the base bid"));
    }

    @Override
    public Set<Stage> defaultStages() {
      return defaultStages;
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      return new MultiplierStrategy(scenario.baseBidMicros(), agent.settings().number("multiplier"));
    }
  }

  /** Bids 1.3 times the base bid on every stage. */
  public static final class Aggressive extends Entry {
    public Aggressive() {
      super("aggressive", 1.3, EnumSet.allOf(Stage.class));
    }
  }

  /** Bids 0.7 times the base bid on customers showing interest or considering. */
  public static final class Conservative extends Entry {
    public Conservative() {
      super("conservative", 0.7, EnumSet.of(Stage.INTEREST, Stage.CONSIDERATION));
    }
  }

  /** Bids 1.5 times the base bid on customers considering or at risk of churning. */
  public static final class Retargeting extends Entry {
    public Retargeting() {
      super("retargeting", 1.5, EnumSet.of(Stage.CONSIDERATION, Stage.CHURN_RISK));
    }
  }
}
