package org.bidarena.training;

import java.util.function.IntFunction;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.core.scenario.Scenario;

/**
 * The market model in a bare single-threaded loop: no actors, no messages, no events, no journal. It is
 * the limit the simulator is measured against (the {@code bench} command), and it reaches the same totals as
 * the simulator, which makes it a check of the actors' plumbing too; training runs its episodes on it.
 * The market itself is {@link MarketSteps}, which the Python step server also steps tick by tick.
 *
 * <p>Each agent's strategy sees exactly what the Bidder shows it: the planner's {@code BidContext} per row
 * (budget left at the start of the tick, ticks left) and one {@code TickSettlement} per settled tick, in
 * tick order. A caller may supply some agents' strategy objects (a learner it keeps across episodes).
 */
public final class MarketLoop {
  private final Scenario scenario;
  private final IntFunction<BiddingStrategy> supplied;

  public MarketLoop(Scenario scenario) {
    this(scenario, a -> null);
  }

  /** @param supplied the strategy of agent index a, or null for the one its scenario block builds */
  public MarketLoop(Scenario scenario, IntFunction<BiddingStrategy> supplied) {
    this.scenario = scenario;
    this.supplied = supplied;
  }

  /** Per-agent totals of a run. */
  public record Totals(long auctions, long[] bids, long[] impressions, long[] spendMicros, long[] clicks,
      long[] conversions, long[] revenueMicros) {}

  public Totals run() {
    MarketSteps market = new MarketSteps(scenario, supplied);
    while (!market.done()) {
      market.step();
    }
    return market.totals();
  }
}
