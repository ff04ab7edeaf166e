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
 * The {@link MarketLoop}'s market one tick at a time: {@link #step()} plays the next tick and tells every
 * strategy its settlement. {@code MarketLoop.run()} is this class stepped to the end, so a caller that steps
 * it itself (the Python step server) plays exactly the market training plays.
 */
public final class MarketSteps {
  private final Scenario scenario;
  private final CustomerModel model;
  private final CustomerBucket[] buckets;
  private final List<BidPlanner> planners = new ArrayList<>();
  private final List<BudgetPacer> pacers = new ArrayList<>();
  private final SeededStreams streams;
  private final MarketLoop.Observer observer;
  private AuctionClearing clearing;
  private final int shards;
  private final int partitions;
  private final int agents;
  private final long[] spentToday;
  private final VisitBatch[] visits;
  private final ShardProtocol.Impressions[] won;
  private long tick;
  private long auctions;
  private final long[] bids;
  private final long[] impressions;
  private final long[] spend;
  private final long[] clicks;
  private final long[] conversions;
  private final long[] revenue;
  private TickSettlement[] lastSettled;

  /** @param supplied the strategy of agent index a, or null for the one its scenario block builds */
  public MarketSteps(Scenario scenario, IntFunction<BiddingStrategy> supplied) {
    this(scenario, supplied, MarketLoop.Observer.NONE);
  }

  /** As above, with an observer that sees every clearing and settlement and may set a tick's auction rules. */
  public MarketSteps(Scenario scenario, IntFunction<BiddingStrategy> supplied, MarketLoop.Observer observer) {
    this.scenario = scenario;
    this.observer = observer;
    this.streams = new SeededStreams(scenario.seed());
    this.model = new CustomerModel(scenario, streams);
    this.shards = scenario.shards();
    this.partitions = scenario.partitions();
    this.agents = scenario.agentCount();
    this.buckets = new CustomerBucket[shards];
    for (int k = 0; k < shards; k++) {
      buckets[k] = model.initialBucket(k);
    }
    for (int a = 0; a < agents; a++) {
      var spec = scenario.agents().get(a);
      BiddingStrategy own = supplied.apply(a);
      if (own == null && org.bidarena.core.external.ExternalBidder.STRATEGY.equals(spec.strategy())) {
        // Its bids come over HTTP into the Bidder actor; this loop has no actor to ask for it.
        throw new org.bidarena.core.scenario.ScenarioException("agents." + spec.id() + ".strategy = "
            + spec.strategy() + ": an external bidder takes part in actor runs only ('bidarena run', 'resume',"
            + " 'cluster'), not in this single-threaded loop");
      }
      planners.add(BidPlanner.of(scenario, a, streams, own != null ? own : Strategies.create(spec, a, scenario, streams)));
      pacers.add(BudgetPacer.of(spec, scenario));
    }
    this.clearing = new AuctionClearing(scenario.auction(), streams);
    this.spentToday = new long[agents];
    this.visits = new VisitBatch[shards];
    this.won = new ShardProtocol.Impressions[shards];
    this.bids = new long[agents];
    this.impressions = new long[agents];
    this.spend = new long[agents];
    this.clicks = new long[agents];
    this.conversions = new long[agents];
    this.revenue = new long[agents];
    this.lastSettled = new TickSettlement[0];
  }

  /** The tick {@link #step()} plays next. */
  public long tick() {
    return tick;
  }

  public boolean done() {
    return tick >= scenario.totalTicks();
  }

  /** Auctions cleared so far. */
  public long auctions() {
    return auctions;
  }

  /** Every agent's settlement of the last tick played (empty before the first). */
  public TickSettlement[] lastSettled() {
    return lastSettled.clone();
  }

  public MarketLoop.Totals totals() {
    return new MarketLoop.Totals(auctions, bids.clone(), impressions.clone(), spend.clone(), clicks.clone(),
        conversions.clone(), revenue.clone());
  }

  /** Plays the next tick: visits, bids, clearing, responses, then each agent's settlement in agent order. */
  public void step() {
    if (done()) {
      throw new IllegalStateException("the market has played all its " + scenario.totalTicks() + " ticks");
    }
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
      settled[a] = new TickSettlement(tick, tickBids[a], tickBidSum[a], tickImpressions[a], tickSpend[a],
          tickClicks[a], tickConversions[a], tickRevenue[a]);
      planners.get(a).strategy().onTickSettled(settled[a]);
      bids[a] += tickBids[a];
      impressions[a] += tickImpressions[a];
      spend[a] += tickSpend[a];
      clicks[a] += tickClicks[a];
      conversions[a] += tickConversions[a];
      revenue[a] += tickRevenue[a];
    }
    observer.onTickSettled(tick, settled);
    lastSettled = settled;
    tick++;
  }
}
