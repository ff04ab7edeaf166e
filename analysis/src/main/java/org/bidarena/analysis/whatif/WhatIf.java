package org.bidarena.analysis.whatif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bidarena.agents.BidPlanner;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.BudgetPacer;
import org.bidarena.agents.Strategies;
import org.bidarena.agents.TickSettlement;
import org.bidarena.analysis.metrics.AgentMetrics;
import org.bidarena.analysis.metrics.AgentTotals;
import org.bidarena.analysis.metrics.OutcomeTally;
import org.bidarena.core.customer.CustomerBucket;
import org.bidarena.core.customer.CustomerModel;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.protocol.ExchangeProtocol.Bids;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AuctionClearing;
import org.bidarena.exchange.AuctionsCleared;
import org.bidarena.exchange.ClearedAuctions;

/**
 * Re-clears a recorded run's auctions with one agent bidding by another strategy. Pure: no actors.
 *
 * <p>The traffic is the recorded one: each tick, the customers of each recorded auction visit again. Their
 * memories (frequency, fatigue, last click, stage) are re-simulated with {@link CustomerModel}, so the
 * changed agent's frequency cap, stage targeting and the customers' responses follow what it now wins,
 * with every draw from the run's seeded streams. The changed agent bids as the live Bidder would (its
 * {@link BidPlanner}, its strategy learning from each settled tick, its {@link BudgetPacer} allowance split
 * over the partitions); every other agent's recorded bids stay as they were, under its own pacing. Bids an
 * exchange rejected were not journaled, so they cannot come back. With the agent's own strategy, the
 * result is the recorded run, figure for figure.
 */
public final class WhatIf {
  private final Scenario scenario;
  private final int agent;
  private final SeededStreams streams;
  /** The re-simulated outcomes, summed as the run's own journal is (new customers, ground truth). */
  private OutcomeTally tally;

  /** What the run would have given, per agent, and the funnel at its end. */
  public record Result(List<AgentMetrics> agents, long[] funnel) {}

  /** @param scenario the recorded scenario with agent {@code agent}'s entry changed */
  public WhatIf(Scenario scenario, int agent) {
    this.scenario = scenario;
    this.agent = agent;
    this.streams = new SeededStreams(scenario.seed());
  }

  /** @param auctions every recorded AuctionsCleared, in (tick, partition) order */
  public Result run(List<AuctionsCleared> auctions) {
    tally = new OutcomeTally(scenario.agentCount());
    int agents = scenario.agentCount();
    int partitions = scenario.partitions();
    CustomerModel model = new CustomerModel(scenario, streams);
    CustomerBucket[] buckets = new CustomerBucket[scenario.shards()];
    for (int k = 0; k < buckets.length; k++) {
      buckets[k] = model.initialBucket(k);
    }
    AgentSpec spec = scenario.agents().get(agent);
    if (org.bidarena.core.external.ExternalBidder.STRATEGY.equals(spec.strategy())) {
      throw new org.bidarena.core.scenario.ScenarioException("what-if cannot re-price with strategy "
          + spec.strategy() + ": an external bidder is asked only in a live run; give a built-in strategy");
    }
    BiddingStrategy strategy = Strategies.create(spec, agent, scenario, streams);
    BidPlanner planner = BidPlanner.of(scenario, agent, streams, strategy);
    AuctionClearing clearing = new AuctionClearing(scenario.auction(), streams);
    BudgetPacer[] pacers = scenario.agents().stream().map(a -> BudgetPacer.of(a, scenario)).toArray(BudgetPacer[]::new);
    AgentTotals[] totals = new AgentTotals[agents];
    Arrays.setAll(totals, a -> new AgentTotals());
    long[] spentToday = new long[agents];

    int next = 0;
    while (next < auctions.size()) {
      long tick = auctions.get(next).tick();
      if (next + partitions > auctions.size()) {
        throw new IllegalArgumentException("tick " + tick + " lacks the auctions of some partitions");
      }
      for (CustomerBucket b : buckets) {
        model.startTick(b, tick);
      }
      if (scenario.tickOfDay(tick) == 0) {
        Arrays.fill(spentToday, 0);
      }
      long[][] limits = new long[agents][];
      for (int a = 0; a < agents; a++) {
        limits[a] = BudgetPacer.split(pacers[a].tickAllowance(tick, spentToday[a]), partitions);
      }
      Tick t = new Tick(agents);
      for (int p = 0; p < partitions; p++) {
        AuctionsCleared recorded = auctions.get(next + p);
        if (recorded.tick() != tick || recorded.partition() != p) {
          throw new IllegalArgumentException("auctions out of order at tick " + tick + ", partition " + p);
        }
        long budgetLeft = Math.max(0, spec.dailyBudgetMicros() - spentToday[agent]);
        clearPartition(model, buckets, planner, clearing, limits, budgetLeft, recorded, t);
      }
      next += partitions;
      strategy.onTickSettled(new TickSettlement(tick, t.bids[agent], t.bidSum[agent], t.impressions[agent],
          t.spend[agent], t.clicks[agent], t.conversions[agent], t.revenue[agent]));
      for (int a = 0; a < agents; a++) {
        spentToday[a] += t.spend[a];
        totals[a].add(new BidderTickSettled(tick, scenario.agents().get(a).id(), t.auctions, t.bids[a], t.bidSum[a],
            t.impressions[a], t.spend[a], t.clicks[a], t.conversions[a], t.revenue[a], spentToday[a],
            a == agent ? strategy.multiplier() : 1.0));
      }
    }
    List<AgentMetrics> metrics = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      metrics.add(totals[a].metrics(scenario.agents().get(a), a, tally, scenario.reporting().marginPpm()));
    }
    long[] funnel = new long[Stage.COUNT];
    for (CustomerBucket b : buckets) {
      int[] counts = b.stageCounts();
      for (int s = 0; s < Stage.COUNT; s++) {
        funnel[s] += counts[s];
      }
    }
    return new Result(metrics, funnel);
  }

  /** One partition's auctions of a tick: the recorded customers visit, bids are re-made, then cleared. */
  private void clearPartition(CustomerModel model, CustomerBucket[] buckets, BidPlanner planner,
      AuctionClearing clearing, long[][] limits, long budgetLeft, AuctionsCleared recorded, Tick t) {
    long tick = recorded.tick();
    int p = recorded.partition();
    int[] shards = scenario.shardsOf(p);
    VisitBatch[] parts = new VisitBatch[shards.length];
    int[] customers = recorded.customers();
    int from = 0;
    for (int s = 0; s < shards.length; s++) {
      int end = scenario.firstCustomer(shards[s] + 1);
      int to = from;
      while (to < customers.length && customers[to] < end) {
        to++;
      }
      parts[s] = model.visitsOf(buckets[shards[s]], tick, Arrays.copyOfRange(customers, from, to));
      from = to;
    }
    if (from != customers.length) {
      throw new IllegalArgumentException("auctions of tick " + tick + ", partition " + p + " are not in shard order");
    }
    VisitBatch batch = VisitBatch.concat(parts);
    int agents = scenario.agentCount();
    long[] limit = new long[agents];
    for (int a = 0; a < agents; a++) {
      limit[a] = limits[a][p];
    }
    Bids[] bids = recorded.bidsByAgent(limit);
    OwnMemory own = OwnMemory.split(batch, agents)[agent];
    bids[agent] = planner.plan(tick, p, batch.auctions(), own, limit[agent], budgetLeft);
    ClearedAuctions cleared = clearing.clear(tick, p, batch.size(), bids);
    t.auctions += batch.size();
    for (int a = 0; a < agents; a++) {
      t.bids[a] += cleared.bids(a);
      t.bidSum[a] += cleared.bidSum(a);
      t.impressions[a] += cleared.impressions(a);
      t.spend[a] += cleared.spend(a);
    }
    int offset = 0;
    for (int s = 0; s < shards.length; s++) {
      int n = parts[s].size();
      ShardOutcomes o = model.respond(buckets[shards[s]], tick, parts[s], cleared.impressions(tick, p, offset, n));
      tally.add(new OutcomesRecorded(tick, shards[s], o));
      o.addTo(t.clicks, t.conversions, t.revenue);
      offset += n;
    }
  }

  /** One tick's sums per agent, across partitions and shards. */
  private static final class Tick {
    long auctions;
    final int[] bids;
    final long[] bidSum;
    final int[] impressions;
    final long[] spend;
    final int[] clicks;
    final int[] conversions;
    final long[] revenue;

    Tick(int agents) {
      bids = new int[agents];
      bidSum = new long[agents];
      impressions = new int[agents];
      spend = new long[agents];
      clicks = new int[agents];
      conversions = new int[agents];
      revenue = new long[agents];
    }
  }
}
