package org.bidarena.agents;

import java.util.List;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.core.scenario.Pacing;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategySettings;

/** Scenario records built by hand, so these tests do not depend on the scenario loader. */
final class Fixtures {
  static final long BASE_BID = 1_000_000;
  static final AuctionSpec AUCTION = new AuctionSpec(AuctionType.SECOND_PRICE, 200_000, 100_000, 5_000_000);
  static final int ALL_STAGES = (1 << Stage.COUNT) - 1;
  static final int INTEREST_CONSIDERATION = mask(Stage.INTEREST, Stage.CONSIDERATION);
  static final int CONSIDERATION_CHURN_RISK = mask(Stage.CONSIDERATION, Stage.CHURN_RISK);
  static final AdaptiveStrategy.Settings ADAPTIVE = new AdaptiveStrategy.Settings(2.0, 0.3, 0.1, 0.5, 2.0, 4.0);

  private Fixtures() {}

  static int mask(Stage... stages) {
    int m = 0;
    for (Stage s : stages) {
      m |= 1 << s.ordinal();
    }
    return m;
  }

  static AgentSpec agent(String id, String strategy, int stageMask, StrategySettings settings) {
    return new AgentSpec(id, strategy, 100_000_000, Pacing.EVEN, 3, 1.0, stageMask, settings);
  }

  /** The settings of a multiplier strategy. */
  static StrategySettings multiplier(double m) {
    return new StrategySettings(List.of(new StrategySettings.Value("multiplier", Setting.Type.NUMBER, m)));
  }

  /** The settings of the fixed strategy. */
  static StrategySettings fixedBid(long micros) {
    return new StrategySettings(List.of(new StrategySettings.Value("bid-cpm", Setting.Type.CPM, micros)));
  }

  /** The settings of the adaptive strategy: {@link #ADAPTIVE}, starting at {@code m}. */
  static StrategySettings adaptive(double m) {
    AdaptiveStrategy.Settings a = ADAPTIVE;
    return new StrategySettings(List.of(
        new StrategySettings.Value("multiplier", Setting.Type.NUMBER, m),
        new StrategySettings.Value("target-roas", Setting.Type.POSITIVE, a.targetRoas()),
        new StrategySettings.Value("target-win-rate", Setting.Type.NUMBER, a.targetWinRate()),
        new StrategySettings.Value("step", Setting.Type.NUMBER, a.step()),
        new StrategySettings.Value("min-multiplier", Setting.Type.NUMBER, a.minMultiplier()),
        new StrategySettings.Value("max-multiplier", Setting.Type.NUMBER, a.maxMultiplier()),
        new StrategySettings.Value("half-life-ticks", Setting.Type.POSITIVE, a.halfLifeTicks())));
  }

  static AgentSpec aggressive() {
    return agent("aggressive", "aggressive", ALL_STAGES, multiplier(1.3));
  }

  static AgentSpec conservative() {
    return agent("conservative", "conservative", INTEREST_CONSIDERATION, multiplier(0.7));
  }

  static AgentSpec retargeting() {
    return agent("retargeting", "retargeting", CONSIDERATION_CHURN_RISK, multiplier(1.5));
  }

  static Scenario scenario(AuctionSpec auction, AgentSpec... agents) {
    return new Scenario("test", 1, 1, 96, null, 4, 2, auction, BASE_BID, List.of(agents), 0);
  }

  /** One visit per stage code given, with no memory of any agent. */
  static VisitBatch visits(int agents, int... stages) {
    VisitBatch.Builder out = new VisitBatch.Builder(stages.length);
    for (int i = 0; i < stages.length; i++) {
      out.visit(i, (byte) stages[i]);
    }
    return out.build();
  }

  private static final AuctionBatch NO_COLUMNS =
      new AuctionBatch(new int[0], new byte[0], new short[0], new byte[0], new int[0], new byte[0]);

  /** A context for row {@code row} of (tick, partition) that only knows the auction id: no columns, no memory. */
  static BidContext context(long tick, int partition, int row) {
    return BidContext.of(tick, partition, NO_COLUMNS, row, 0, VisitBatch.NEVER, VisitBatch.NEVER, Long.MAX_VALUE,
        1, 1);
  }

  /** A visit to each of the six stages, in stage order. */
  static VisitBatch everyStage(int agents) {
    return visits(agents, 0, 1, 2, 3, 4, 5);
  }
}
