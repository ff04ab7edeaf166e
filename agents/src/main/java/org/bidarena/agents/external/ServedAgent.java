package org.bidarena.agents.external;

import org.bidarena.agents.BidContext;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.Strategies;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * One agent of a scenario priced one auction at a time, for {@code bidarena bidder}: the same targeting,
 * frequency cap, strategy and clamp as in the market, on a batch of one row. Requests may come concurrently
 * and strategies are not thread-safe, so pricing is serialised.
 */
public final class ServedAgent {
  private final Scenario scenario;
  private final AgentSpec agent;
  private final BiddingStrategy strategy;

  public ServedAgent(Scenario scenario, int agentIndex) {
    this.scenario = scenario;
    this.agent = scenario.agents().get(agentIndex);
    this.strategy = Strategies.create(agent, agentIndex, scenario, new SeededStreams(scenario.seed()));
  }

  /** The agent's bid in micros per impression, 0 for none. */
  public synchronized long price(long tick, int partition, int customer, Stage stage, int frequency,
      boolean lastClickWasOwn) {
    if (!agent.targets(stage.code()) || frequency >= agent.frequencyCap()) {
      return 0;
    }
    AuctionBatch one = new AuctionBatch(new int[] {customer}, new byte[] {stage.code()}, new short[1], new byte[1],
        new int[1], new byte[1]);
    int ticksPerDay = scenario.ticksPerDay();
    BidContext context = BidContext.of(tick, partition, one, 0, frequency, VisitBatch.NEVER,
        lastClickWasOwn ? (int) Math.max(0, tick - 1) : VisitBatch.NEVER, agent.dailyBudgetMicros(),
        ticksPerDay - (int) (tick % ticksPerDay), Math.max(1, scenario.totalTicks() - tick));
    long raw = strategy.bid(context);
    return raw > 0 ? Math.min(scenario.auction().maxBidMicros(), Math.max(scenario.auction().minBidMicros(), raw)) : 0;
  }
}
