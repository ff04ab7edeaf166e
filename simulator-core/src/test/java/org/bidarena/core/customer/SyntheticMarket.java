package org.bidarena.core.customer;

import java.util.Arrays;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.Scenario;

/**
 * The pure customer model of one scenario over all its customers in one bucket, with a stand-in exchange:
 * each visit is won, with probability {@code fill}, by one of the agents that target the visitor's stage,
 * picked by a seeded draw; its first creative is shown. No actors, no bids: a fast way to watch the model's
 * aggregate behaviour (funnel, CTR, fatigue, organic share) over many simulated days.
 */
final class SyntheticMarket {
  private static final SeededStreams.Stream WINNER = SeededStreams.Stream.register("test-synthetic-winner", 0x7F01);

  final Scenario scenario;
  final CustomerModel model;
  final CustomerBucket bucket;
  private final SeededStreams streams;
  private final double fill;
  long visits;
  long impressions;
  long fatigued;
  long clicks;
  long purchases;
  long adCaused;
  long newCustomers;
  double expectedAdShare;
  final long[] clicksBy;
  final long[] attributedBy;
  final long[] causedBy;
  final double[] expectedBy;
  long tick;

  SyntheticMarket(Scenario scenario, double fill) {
    this.scenario = scenario.withSeed(scenario.seed());
    this.streams = new SeededStreams(scenario.seed());
    this.model = new CustomerModel(scenario, streams);
    CustomerBucket whole = model.initialBucket(0);
    if (scenario.shards() != 1) {
      throw new IllegalArgumentException("a synthetic market runs one shard");
    }
    this.bucket = whole;
    this.fill = fill;
    int agents = scenario.agentCount();
    this.clicksBy = new long[agents];
    this.attributedBy = new long[agents];
    this.causedBy = new long[agents];
    this.expectedBy = new double[agents];
  }

  /** Runs one tick; returns its outcomes. */
  ShardOutcomes step() {
    model.startTick(bucket, tick);
    int[] rows = model.visitRows(bucket, tick);
    int n = rows.length;
    int[] customers = new int[n];
    int[] winners = new int[n];
    Arrays.fill(winners, -1);
    int agents = scenario.agentCount();
    int[] eligible = new int[agents];
    for (int v = 0; v < n; v++) {
      customers[v] = bucket.firstCustomer + rows[v];
      int stage = bucket.stage[rows[v]];
      long bits = streams.bits(WINNER, customers[v], tick);
      if (SeededStreams.unit(bits) >= fill) {
        continue;
      }
      int m = 0;
      for (int a = 0; a < agents; a++) {
        if (scenario.agents().get(a).targets(stage)) {
          eligible[m++] = a;
        }
      }
      if (m > 0) {
        winners[v] = eligible[SeededStreams.below(bits * 31 + 7, m)];
      }
    }
    long first = org.bidarena.core.protocol.AuctionId.of(tick, 0, 0);
    ShardOutcomes o = model.respond(bucket, tick, customers, winners, new int[n], first);
    tally(o);
    tick++;
    return o;
  }

  void runDays(int days) {
    long end = tick + (long) days * scenario.ticksPerDay();
    while (tick < end) {
      step();
    }
  }

  private void tally(ShardOutcomes o) {
    visits += o.visits();
    impressions += o.impressions();
    fatigued += o.fatiguedImpressions();
    for (int r = 0; r < o.rows(); r++) {
      int agent = o.agents()[r];
      if ((o.kinds()[r] & ShardOutcomes.CLICK) != 0) {
        clicks++;
        clicksBy[agent]++;
      }
      if ((o.kinds()[r] & ShardOutcomes.PURCHASE) != 0) {
        purchases++;
        if ((o.kinds()[r] & ShardOutcomes.NEW_CUSTOMER) != 0) {
          newCustomers++;
        }
        if (agent >= 0) {
          attributedBy[agent]++;
        }
        int cause = o.causeAgent()[r];
        if (cause >= 0) {
          adCaused++;
          causedBy[cause]++;
        }
        for (int c = o.creditStart()[r]; c < o.creditStart()[r + 1]; c++) {
          expectedBy[o.creditAgent()[c]] += o.creditPpm()[c] / 1e6;
          expectedAdShare += o.creditPpm()[c] / 1e6;
        }
      }
    }
  }

  double[] mix() {
    int[] counts = bucket.stageCounts();
    double[] out = new double[counts.length];
    for (int s = 0; s < counts.length; s++) {
      out[s] = (double) counts[s] / bucket.size;
    }
    return out;
  }

  String report() {
    return String.format(java.util.Locale.ROOT,
        "visits %d impressions %d ctr %.4f%% fatigued %.2f%% purchases %d ad-caused %.1f%% (expected %.1f%%) new %d mix %s",
        visits, impressions, 100.0 * clicks / Math.max(1, impressions), 100.0 * fatigued / Math.max(1, impressions),
        purchases, 100.0 * adCaused / Math.max(1, purchases), 100.0 * expectedAdShare / Math.max(1, purchases),
        newCustomers, Arrays.toString(Arrays.stream(mix()).map(x -> Math.round(x * 1000) / 10.0).toArray()));
  }
}
