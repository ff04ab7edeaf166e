package org.bidarena.training.marl;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.agents.marl.ClusterFactorStrategy;
import org.bidarena.core.scenario.Scenario;

/**
 * The advertiser clusters of a scenario: every agent whose strategy is {@code cluster-base} or
 * {@code cluster-policy} belongs to the cluster its {@code cluster} setting names. Clusters are numbered
 * 0..K-1 with none empty; agents of other strategies take part in the market but belong to no cluster.
 */
public record AdvertiserClusters(int[] clusterOf, int count, long[] dailyBudgetMicros) {

  public static AdvertiserClusters of(Scenario scenario) {
    int n = scenario.agentCount();
    int[] of = new int[n];
    int max = -1;
    for (int a = 0; a < n; a++) {
      of[a] = ClusterFactorStrategy.clusterOf(scenario.agents().get(a));
      max = Math.max(max, of[a]);
    }
    if (max < 0) {
      throw new IllegalArgumentException("the scenario has no advertiser of a cluster (strategy cluster-base or "
          + "cluster-policy); see scenarios/marl-100.conf");
    }
    long[] budget = new long[max + 1];
    int[] members = new int[max + 1];
    for (int a = 0; a < n; a++) {
      if (of[a] >= 0) {
        budget[of[a]] += scenario.agents().get(a).dailyBudgetMicros();
        members[of[a]]++;
      }
    }
    List<Integer> empty = new ArrayList<>();
    for (int k = 0; k <= max; k++) {
      if (members[k] == 0) {
        empty.add(k);
      }
    }
    if (!empty.isEmpty()) {
      throw new IllegalArgumentException("advertiser clusters must be numbered 0.." + max + " with none empty; "
          + "no advertiser is in cluster(s) " + empty);
    }
    return new AdvertiserClusters(of, max + 1, budget);
  }

  /** The mean cluster's daily budget: the common scale of every cluster's reward, so rewards can be mixed. */
  public double meanDailyBudgetMicros() {
    double s = 0;
    for (long b : dailyBudgetMicros) {
      s += b;
    }
    return s / count;
  }
}
