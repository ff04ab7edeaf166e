package org.bidarena.analysis.ctr;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bidarena.core.customer.CustomerBucket;
import org.bidarena.core.customer.CustomerModel;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.customer.features.CustomerFeatures;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.ShardProtocol.Impressions;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AuctionsCleared;
import org.bidarena.learning.ctr.Holdout;
import org.bidarena.learning.ctr.Scores;

/**
 * The click examples of a recorded run: one per impression, with what the winning bidder could see when it
 * bid (the public columns and its own memory of the customer), whether it was clicked, and its true click
 * probability.
 *
 * <p>The true probability is not journaled, so the customer side is replayed: the customer model is a pure
 * function of the seed and the impressions won, so each tick's recorded customers visit again
 * ({@link CustomerModel#visitsOf}) and respond to the recorded winners and creatives, with an
 * {@link CustomerModel.ImpressionObserver} taking each impression's probability. The replay is checked as it
 * goes: the visits' stages must equal the recorded ones and every shard's replayed clicks must equal its
 * journaled {@code OutcomesRecorded} clicks, auction for auction; a difference is an error, never a quiet
 * approximation.
 */
public final class RunExamples {
  private final Scenario scenario;
  private final RunExampleColumns columns = new RunExampleColumns();
  private long verifiedClicks;
  /** The factor a customer's hidden propensity puts on its click probability, over the mean factor. */
  private java.util.function.IntToDoubleFunction hidden;

  private RunExamples(Scenario scenario) {
    this.scenario = scenario;
  }

  /**
   * @param auctions every AuctionsCleared of the run, in (tick, partition) order
   * @param outcomes every OutcomesRecorded of the run, in (tick, shard) order
   */
  public static RunExamples replay(Scenario scenario, List<AuctionsCleared> auctions, List<OutcomesRecorded> outcomes) {
    RunExamples r = new RunExamples(scenario);
    r.run(auctions, outcomes);
    return r;
  }

  public RunExampleColumns columns() {
    return columns;
  }

  /** The journaled clicks the replay reproduced (all of them, or replay would have failed). */
  public long verifiedClicks() {
    return verifiedClicks;
  }

  /** The visible oracle's scores (see {@link RunExampleColumns#visibleTruth}) on the held-out examples. */
  public Scores visibleOracle(Holdout holdout) {
    Scores s = new Scores();
    for (int e = 0; e < columns.size(); e++) {
      if (!holdout.any() || holdout.heldOut(e, columns.day(e))) {
        s.add(columns.visibleTruth(e), columns.clicked(e));
      }
    }
    return s;
  }

  private void run(List<AuctionsCleared> auctions, List<OutcomesRecorded> outcomes) {
    SeededStreams streams = new SeededStreams(scenario.seed());
    // The propensity's factor on the click probability, and its mean over customers (log-normal, mean 1).
    float[] propensity = CustomerFeatures.draw(scenario.customers().features(), streams, 0,
        scenario.customers().count()).propensity();
    double w = scenario.customers().response().propensityWeight();
    double sigma = scenario.customers().features().propensitySigma();
    double meanFactor = Math.exp(w * (w - 1) * sigma * sigma / 2);
    hidden = id -> Math.pow(propensity[id], w) / meanFactor;
    CustomerModel model = new CustomerModel(scenario, streams);
    CustomerBucket[] buckets = new CustomerBucket[scenario.shards()];
    for (int k = 0; k < buckets.length; k++) {
      buckets[k] = model.initialBucket(k);
    }
    int partitions = scenario.partitions();
    int next = 0;
    int nextOutcome = 0;
    while (next < auctions.size()) {
      long tick = auctions.get(next).tick();
      if (next + partitions > auctions.size()) {
        throw new IllegalArgumentException("tick " + tick + " lacks the auctions of some partitions");
      }
      for (CustomerBucket b : buckets) {
        model.startTick(b, tick);
      }
      ShardOutcomes[] replayed = new ShardOutcomes[buckets.length];
      for (int p = 0; p < partitions; p++) {
        AuctionsCleared recorded = auctions.get(next + p);
        if (recorded.tick() != tick || recorded.partition() != p) {
          throw new IllegalArgumentException("auctions out of order at tick " + tick + ", partition " + p);
        }
        replayPartition(model, buckets, recorded, replayed);
      }
      next += partitions;
      while (nextOutcome < outcomes.size() && outcomes.get(nextOutcome).tick() == tick) {
        OutcomesRecorded o = outcomes.get(nextOutcome++);
        verify(tick, o.shard(), replayed[o.shard()], o.outcomes());
        replayed[o.shard()] = null;
      }
      for (int k = 0; k < replayed.length; k++) {
        if (replayed[k] != null && clickIds(replayed[k]).size() > 0) {
          throw new IllegalStateException("replay diverged: tick " + tick + ", shard " + k
              + " has replayed clicks but no journaled outcomes");
        }
      }
    }
  }

  private void replayPartition(CustomerModel model, CustomerBucket[] buckets, AuctionsCleared recorded,
      ShardOutcomes[] replayed) {
    long tick = recorded.tick();
    int p = recorded.partition();
    int[] shards = scenario.shardsOf(p);
    int[] customers = recorded.customers();
    int from = 0;
    for (int shard : shards) {
      int end = scenario.firstCustomer(shard + 1);
      int to = from;
      while (to < customers.length && customers[to] < end) {
        to++;
      }
      VisitBatch visits = model.visitsOf(buckets[shard], tick, Arrays.copyOfRange(customers, from, to));
      for (int v = 0; v < visits.size(); v++) {
        if (visits.stages()[v] != recorded.stages()[from + v]) {
          throw new IllegalStateException("replay diverged: tick " + tick + ", auction " + (from + v) + " of partition "
              + p + " had a customer in stage " + recorded.stages()[from + v] + ", the replay has "
              + visits.stages()[v]);
        }
      }
      int n = to - from;
      int[] winners = Arrays.copyOfRange(recorded.winners(), from, to);
      int[] creatives = new int[n];
      for (int v = 0; v < n; v++) {
        creatives[v] = recorded.winnerCreative(from + v);
      }
      Impressions won = new Impressions(tick, AuctionId.of(tick, p, from), winners, creatives,
          Arrays.copyOfRange(recorded.pricesMicros(), from, to));
      model.observe((t, visit, auction, customer, agent, probability, clicked) ->
          columns.add(visits, visit, agent, t, probability,
              Math.min(1, probability / hidden.applyAsDouble(customer)), clicked, scenario.day(t)));
      try {
        replayed[shard] = model.respond(buckets[shard], tick, visits, won);
      } finally {
        model.observe(null);
      }
      from = to;
    }
    if (from != customers.length) {
      throw new IllegalArgumentException("auctions of tick " + tick + ", partition " + p + " are not in shard order");
    }
  }

  private void verify(long tick, int shard, ShardOutcomes replayed, ShardOutcomes journaled) {
    Set<Long> mine = replayed == null ? Set.of() : clickIds(replayed);
    Set<Long> theirs = clickIds(journaled);
    if (!mine.equals(theirs)) {
      throw new IllegalStateException("replay diverged: tick " + tick + ", shard " + shard + " journaled "
          + theirs.size() + " clicks, the replay drew " + mine.size() + " (" + diff(theirs, mine) + ")");
    }
    verifiedClicks += theirs.size();
  }

  private static String diff(Set<Long> a, Set<Long> b) {
    Set<Long> onlyA = new HashSet<>(a);
    onlyA.removeAll(b);
    Set<Long> onlyB = new HashSet<>(b);
    onlyB.removeAll(a);
    return "journal only: " + onlyA + ", replay only: " + onlyB;
  }

  /** The auction ids of the clicked impressions (a click row's auction is the clicked one). */
  static Set<Long> clickIds(ShardOutcomes o) {
    Set<Long> ids = new HashSet<>();
    for (int r = 0; r < o.rows(); r++) {
      if ((o.kinds()[r] & ShardOutcomes.CLICK) != 0) {
        ids.add(o.auctionIds()[r]);
      }
    }
    return ids;
  }
}
