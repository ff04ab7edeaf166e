package org.bidarena.app.throughput;

import java.util.ArrayList;
import java.util.List;
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
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AuctionClearing;
import org.bidarena.exchange.ClearedAuctions;

/**
 * The market model in a bare single-threaded loop: no actors, no messages, no events, no journal. It is
 * the limit the simulator is measured against, and it must reach the same totals as the simulator, which
 * makes it a check of the actors' plumbing too.
 */
public final class ReferenceLoop {
  private final Scenario scenario;

  public ReferenceLoop(Scenario scenario) {
    this.scenario = scenario;
  }

  /** Per-agent totals of a run. */
  public record Totals(long auctions, long[] impressions, long[] spendMicros, long[] clicks, long[] conversions,
      long[] revenueMicros) {}

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
      planners.add(BidPlanner.of(scenario, a, Strategies.create(spec, a, scenario, streams)));
      pacers.add(BudgetPacer.of(spec, scenario));
    }
    AuctionClearing clearing = new AuctionClearing(scenario.auction(), streams);
    long[] spentToday = new long[agents];
    long auctions = 0;
    long[] impressions = new long[agents], spend = new long[agents], clicks = new long[agents];
    long[] conversions = new long[agents], revenue = new long[agents];
    VisitBatch[] visits = new VisitBatch[shards];
    ShardProtocol.Impressions[] won = new ShardProtocol.Impressions[shards];
    for (long tick = 0; tick < scenario.totalTicks(); tick++) {
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
        Bids[] bids = new Bids[agents];
        for (int a = 0; a < agents; a++) {
          long budgetLeft = Math.max(0, scenario.agents().get(a).dailyBudgetMicros() - spentToday[a]);
          bids[a] = planners.get(a).plan(tick, p, shared, own[a], limits[a][p], budgetLeft);
        }
        ClearedAuctions cleared = clearing.clear(tick, p, batch.size(), bids);
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
      for (int a = 0; a < agents; a++) {
        spentToday[a] += tickSpend[a];
        planners.get(a).strategy().onTickSettled(new TickSettlement(tick, tickBids[a], tickBidSum[a],
            tickImpressions[a], tickSpend[a], tickClicks[a], tickConversions[a], tickRevenue[a]));
        impressions[a] += tickImpressions[a];
        spend[a] += tickSpend[a];
        clicks[a] += tickClicks[a];
        conversions[a] += tickConversions[a];
        revenue[a] += tickRevenue[a];
      }
    }
    return new Totals(auctions, impressions, spend, clicks, conversions, revenue);
  }
}
