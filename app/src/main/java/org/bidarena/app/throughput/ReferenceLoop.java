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
      planners.add(new BidPlanner(spec, a, scenario.auction(), Strategies.create(spec, a, scenario, streams)));
      pacers.add(BudgetPacer.of(spec, scenario));
    }
    AuctionClearing clearing = new AuctionClearing(scenario.auction(), streams);
    long[] spentToday = new long[agents];
    long auctions = 0;
    long[] impressions = new long[agents], spend = new long[agents], clicks = new long[agents];
    long[] conversions = new long[agents], revenue = new long[agents];
    VisitBatch[] visits = new VisitBatch[shards];
    byte[][] winners = new byte[shards][];
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
        VisitBatch batch = VisitBatch.concat(agents, parts);
        long[][] bids = new long[agents][];
        long[] partitionLimits = new long[agents];
        for (int a = 0; a < agents; a++) {
          bids[a] = planners.get(a).plan(tick, p, batch);
          partitionLimits[a] = limits[a][p];
        }
        ClearedAuctions cleared = clearing.clear(tick, p, batch.size(), bids, partitionLimits);
        auctions += batch.size();
        int offset = 0;
        for (int i = 0; i < owned.length; i++) {
          int n = parts[i].size();
          byte[] w = new byte[n];
          for (int j = 0; j < n; j++) {
            w[j] = (byte) cleared.winners()[offset + j];
          }
          winners[owned[i]] = w;
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
        ShardOutcomes o = model.respond(buckets[k], tick, visits[k], winners[k]);
        for (int a = 0; a < agents; a++) {
          tickClicks[a] += o.clicks(a);
          tickConversions[a] += o.conversions(a);
          tickRevenue[a] += o.revenueMicros(a);
        }
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
