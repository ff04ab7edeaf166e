package org.bidarena.training.marl;

import org.bidarena.agents.TickSettlement;
import org.bidarena.agents.marl.CustomerClusters;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.exchange.AdaptiveReserve;
import org.bidarena.exchange.ClearedAuctions;
import org.bidarena.training.MarketLoop;

/**
 * The platform's book of a multi-agent episode, kept from the market loop: per step, the cost and
 * impressions of every (advertiser cluster, customer cluster) pair and every cluster's revenue and spend
 * (the joint state and the rewards of the learners), and over the whole run every agent's totals and the
 * exchange's sales. When given an adaptive reserve it sets each step's reserve from the last step's prices.
 */
final class StepLedger implements MarketLoop.Observer {
  private final AdvertiserClusters clusters;
  private final int stepTicks;
  private final AdaptiveReserve reserve;
  private final long[][] cost;
  private final long[][] impressions;
  private final long[] revenue;
  private final long[] spend;
  private final long[] agentRevenue;
  private final long[] agentSpend;
  private long stepPaid;
  private long stepSold;
  private long paid;
  private long sold;
  private long auctions;
  private long reserveSum;
  private long reserveTicks;
  private StepListener listener;

  /** Called at the end of every step, with the ledger holding that step's figures. */
  interface StepListener {
    void onStep(int step, StepLedger ledger);
  }

  StepLedger(AdvertiserClusters clusters, int agents, int stepTicks, AdaptiveReserve reserve) {
    this.clusters = clusters;
    this.stepTicks = stepTicks;
    this.reserve = reserve;
    this.cost = new long[clusters.count()][CustomerClusters.COUNT];
    this.impressions = new long[clusters.count()][CustomerClusters.COUNT];
    this.revenue = new long[clusters.count()];
    this.spend = new long[clusters.count()];
    this.agentRevenue = new long[agents];
    this.agentSpend = new long[agents];
  }

  void listen(StepListener l) {
    this.listener = l;
  }

  @Override
  public AuctionSpec auction(long tick, AuctionSpec rules) {
    if (reserve == null) {
      return rules;
    }
    long r = Math.min(reserve.reserveMicros(), rules.maxBidMicros());
    reserveSum += r;
    reserveTicks++;
    return new AuctionSpec(rules.type(), r, rules.minBidMicros(), rules.maxBidMicros());
  }

  @Override
  public void onCleared(long tick, int partition, AuctionBatch batch, ClearedAuctions cleared) {
    int[] winners = cleared.winners();
    long[] prices = cleared.pricesMicros();
    auctions += winners.length;
    for (int i = 0; i < winners.length; i++) {
      int w = winners[i];
      if (w < 0) {
        continue;
      }
      stepPaid += prices[i];
      stepSold++;
      int k = clusters.clusterOf()[w];
      if (k >= 0) {
        int c = CustomerClusters.of(batch.stages()[i], batch.device()[i]);
        cost[k][c] += prices[i];
        impressions[k][c]++;
      }
    }
  }

  @Override
  public void onTickSettled(long tick, TickSettlement[] settled) {
    for (int a = 0; a < settled.length; a++) {
      agentRevenue[a] += settled[a].revenueMicros();
      agentSpend[a] += settled[a].spendMicros();
      int k = clusters.clusterOf()[a];
      if (k >= 0) {
        revenue[k] += settled[a].revenueMicros();
        spend[k] += settled[a].spendMicros();
      }
    }
    if ((tick + 1) % stepTicks == 0) {
      paid += stepPaid;
      sold += stepSold;
      if (reserve != null) {
        reserve.observe(stepPaid, stepSold);
      }
      if (listener != null) {
        listener.onStep((int) (tick / stepTicks), this);
      }
      clearStep();
    }
  }

  private void clearStep() {
    for (int k = 0; k < cost.length; k++) {
      java.util.Arrays.fill(cost[k], 0);
      java.util.Arrays.fill(impressions[k], 0);
    }
    java.util.Arrays.fill(revenue, 0);
    java.util.Arrays.fill(spend, 0);
    stepPaid = 0;
    stepSold = 0;
  }

  long cost(int k, int c) {
    return cost[k][c];
  }

  long impressions(int k, int c) {
    return impressions[k][c];
  }

  /** The cluster's attributed revenue of the step. */
  long revenue(int k) {
    return revenue[k];
  }

  long spend(int k) {
    return spend[k];
  }

  long[] agentRevenue() {
    return agentRevenue;
  }

  long[] agentSpend() {
    return agentSpend;
  }

  /** What winners paid the exchange over the run (the exchange's revenue), and the impressions sold. */
  long paid() {
    return paid;
  }

  long sold() {
    return sold;
  }

  long auctions() {
    return auctions;
  }

  /** The mean reserve over the run's ticks, or -1 without an adaptive reserve. */
  double meanReserveMicros() {
    return reserveTicks == 0 ? -1 : (double) reserveSum / reserveTicks;
  }
}
