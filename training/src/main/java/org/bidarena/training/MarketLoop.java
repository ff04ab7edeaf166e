package org.bidarena.training;

import java.util.function.IntFunction;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.TickSettlement;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.ClearedAuctions;

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
  private final Observer observer;

  /**
   * Sees what a trainer of several agents needs beyond each agent's own settlement: every cleared batch and
   * the end of every tick. It may also set a tick's auction rules (an exchange-side counter-measure such as
   * an adaptive reserve); by default the scenario's rules hold.
   */
  public interface Observer {
    Observer NONE = new Observer() {};

    /** The auction rules of {@code tick}; called once per tick before its auctions clear. */
    default AuctionSpec auction(long tick, AuctionSpec scenarioRules) {
      return scenarioRules;
    }

    /** A (tick, partition) batch just cleared: its public columns and the clearing. */
    default void onCleared(long tick, int partition, AuctionBatch auctions, ClearedAuctions cleared) {}

    /** Every agent's settlement of the tick, after each agent's strategy has seen its own. */
    default void onTickSettled(long tick, TickSettlement[] settlements) {}
  }

  public MarketLoop(Scenario scenario) {
    this(scenario, a -> null);
  }

  /** @param supplied the strategy of agent index a, or null for the one its scenario block builds */
  public MarketLoop(Scenario scenario, IntFunction<BiddingStrategy> supplied) {
    this(scenario, supplied, Observer.NONE);
  }

  public MarketLoop(Scenario scenario, IntFunction<BiddingStrategy> supplied, Observer observer) {
    this.scenario = scenario;
    this.supplied = supplied;
    this.observer = observer;
  }

  /** Per-agent totals of a run. */
  public record Totals(long auctions, long[] bids, long[] impressions, long[] spendMicros, long[] clicks,
      long[] conversions, long[] revenueMicros) {}

  public Totals run() {
    MarketSteps market = new MarketSteps(scenario, supplied, observer);
    while (!market.done()) {
      market.step();
    }
    return market.totals();
  }
}
