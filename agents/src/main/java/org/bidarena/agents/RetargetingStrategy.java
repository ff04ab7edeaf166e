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
 * Retargeting: bids {@code multiplier} (1.5 by default) times the base bid on customers who clicked its own
 * ads within the attribution window, and {@code others-multiplier} (1.0 by default; 0 = no bid) times the
 * base bid on the other customers of its stages: it prospects at the base bid to find people to retarget
 * (below the base bid it hardly wins, so it would never meet anyone to retarget). It reads only its own
 * last click with the customer, from the {@link BidContext}.
 */
public final class RetargetingStrategy implements BiddingStrategy {
  private final long clickedBid;
  private final long otherBid;
  private final long windowTicks;
  private final double multiplier;

  public RetargetingStrategy(long baseBidMicros, double multiplier, double othersMultiplier, long windowTicks) {
    this.multiplier = multiplier;
    this.clickedBid = Math.round(baseBidMicros * multiplier);
    this.otherBid = Math.round(baseBidMicros * othersMultiplier);
    this.windowTicks = windowTicks;
  }

  @Override
  public long bid(BidContext context) {
    long since = context.ticksSinceLastClick();
    return since != BidContext.NEVER && since < windowTicks ? clickedBid : otherBid;
  }

  @Override
  public double multiplier() {
    return multiplier;
  }

  /** The catalog entry: {@code retargeting}, on customers considering or at risk of churning by default. */
  public static final class Entry implements StrategyEntry {
    @Override
    public String name() {
      return "retargeting";
    }

    @Override
    public List<Setting> settings() {
      return List.of(
          Setting.number("multiplier", 0.01, 100, 1.5, "x bidding.base-cpm",
              "the factor on the base bid for customers who clicked its ads within the attribution window"),
          Setting.number("others-multiplier", 0, 100, 1.0, "x bidding.base-cpm",
              "the factor on the base bid for the other customers of its stages (0 = no bid)"));
    }

    @Override
    public Set<Stage> defaultStages() {
      return EnumSet.of(Stage.CONSIDERATION, Stage.CHURN_RISK);
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      long window = (long) scenario.customers().attributionWindowDays() * scenario.ticksPerDay();
      return new RetargetingStrategy(scenario.baseBidMicros(), agent.settings().number("multiplier"),
          agent.settings().number("others-multiplier"), window);
    }
  }
}
