package org.bidarena.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.BidPlanner;
import org.bidarena.agents.BudgetPacer;
import org.bidarena.agents.Strategies;
import org.bidarena.agents.TickSettlement;
import org.bidarena.core.customer.CustomerBucket;
import org.bidarena.core.customer.CustomerModel;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.ExchangeProtocol.Bids;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AuctionClearing;
import org.bidarena.exchange.ClearedAuctions;

/**
 * The market model in a bare single-threaded loop: no actors, no messages, no events, no journal. It is
 * the limit the simulator is measured against (the {@code bench} command), and it reaches the same totals as
 * the simulator, which makes it a check of the actors' plumbing too; training runs its episodes on it.
 *
 * <p>Each agent's strategy sees exactly what the Bidder shows it: the planner's {@code BidContext} per row
 * (budget left at the start of the tick, ticks left) and one {@link TickSettlement} per settled tick, in
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
    SeededStreams streams = new SeededStreams(scenario.seed());
    CustomerModel model = new CustomerModel(scenario, streams);
    int shards = scenario.shards();
    int partitions = scenario.partitions();
    int agents = scenario.agentCount();
    CustomerBucket[] buckets = new CustomerBucket[shards];
    for (int k = 0; k < shards; k++) {
      buckets[k] = model.initialBucket(k);
    }
    List<BidPlanner> planners = new ArrayList<>();
    List<BudgetPacer> pacers = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      var spec = scenario.agents().get(a);
      BiddingStrategy own = supplied.apply(a);
      planners.add(BidPlanner.of(scenario, a, streams, own != null ? own : Strategies.create(spec, a, scenario, streams)));
      pacers.add(BudgetPacer.of(spec, scenario));
    }
    AuctionClearing clearing = new AuctionClearing(scenario.auction(), streams);
    long[] spentToday = new long[agents];
    long auctions = 0;
    long[] bids = new long[agents];
    long[] impressions = new long[agents], spend = new long[agents], clicks = new long[agents];
    long[] conversions = new long[agents], revenue = new long[agents];
    VisitBatch[] visits = new VisitBatch[shards];
    ShardProtocol.Impressions[] won = new ShardProtocol.Impressions[shards];
    for (long tick = 0; tick < scenario.totalTicks(); tick++) {
      AuctionSpec rules = observer.auction(tick, scenario.auction());
      if (!rules.equals(clearing.spec())) {
        clearing = new AuctionClearing(rules, streams);
      }
      long[][] limits = new long[agents][];
      for (int a = 0; a < agents; a++) {
        if (scenario.tickOfDay(tick) == 0) {
          spentToday[a] = 0;
        }
        limits[a] = BudgetPacer.split(pacers.get(a).tickAllowance(tick, spentToday[a]), partitions);
      }
      for (int k = 0; k < shards; k++) {
        model.startTick(buckets[k], tick);
        visits[k] = model.visits(buckets[k], tick);
      }
      int[] tickBids = new int[agents], tickImpressions = new int[agents];
      long[] tickBidSum = new long[agents], tickSpend = new long[agents];
      for (int p = 0; p < partitions; p++) {
        int[] owned = scenario.shardsOf(p);
        VisitBatch[] parts = new VisitBatch[owned.length];
        for (int i = 0; i < owned.length; i++) {
          parts[i] = visits[owned[i]];
        }
        VisitBatch batch = VisitBatch.concat(parts);
        AuctionBatch shared = batch.auctions();
        OwnMemory[] own = OwnMemory.split(batch, agents);
        Bids[] offers = new Bids[agents];
        for (int a = 0; a < agents; a++) {
          long budgetLeft = Math.max(0, scenario.agents().get(a).dailyBudgetMicros() - spentToday[a]);
          offers[a] = planners.get(a).plan(tick, p, shared, own[a], limits[a][p], budgetLeft);
        }
        ClearedAuctions cleared = clearing.clear(tick, p, batch.size(), offers);
        observer.onCleared(tick, p, shared, cleared);
        auctions += batch.size();
        int offset = 0;
        for (int i = 0; i < owned.length; i++) {
          int n = parts[i].size();
          won[owned[i]] = cleared.impressions(tick, p, offset, n);
          offset += n;
        }
        for (int a = 0; a < agents; a++) {
          tickBids[a] += cleared.bids(a);
          tickBidSum[a] += cleared.bidSum(a);
          tickImpressions[a] += cleared.impressions(a);
          tickSpend[a] += cleared.spend(a);
        }
      }
      int[] tickClicks = new int[agents], tickConversions = new int[agents];
      long[] tickRevenue = new long[agents];
      for (int k = 0; k < shards; k++) {
        ShardOutcomes o = model.respond(buckets[k], tick, visits[k], won[k]);
        o.addTo(tickClicks, tickConversions, tickRevenue);
      }
      TickSettlement[] settled = new TickSettlement[agents];
      for (int a = 0; a < agents; a++) {
        spentToday[a] += tickSpend[a];
        settled[a] = new TickSettlement(tick, tickBids[a], tickBidSum[a],
            tickImpressions[a], tickSpend[a], tickClicks[a], tickConversions[a], tickRevenue[a]);
        planners.get(a).strategy().onTickSettled(settled[a]);
        bids[a] += tickBids[a];
        impressions[a] += tickImpressions[a];
        spend[a] += tickSpend[a];
        clicks[a] += tickClicks[a];
        conversions[a] += tickConversions[a];
        revenue[a] += tickRevenue[a];
      }
      observer.onTickSettled(tick, settled);
    }
    return new Totals(auctions, bids, impressions, spend, clicks, conversions, revenue);
  }
}
