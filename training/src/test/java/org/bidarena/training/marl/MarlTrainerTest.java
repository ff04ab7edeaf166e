package org.bidarena.training.marl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.training.MarketLoop;
import org.bidarena.training.marl.MarlSettings.Algorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarlTrainerTest {
  /** 8 advertisers in 2 clusters, one short day. */
  static String scenarioText(String strategy, String extra) {
    StringBuilder b = new StringBuilder("name = small-marl\ntime { days = 1, ticks-per-day = 24 }\n"
        + "customers { count = 600, shards = 2, ctr { base = 0.02 }, lift { click = 0.15 }, order-value { mean = 3.00 } }\n"
        + "journal { checkpoint-every-ticks = 12 }\nagents {\n");
    for (int j = 0; j < 8; j++) {
      b.append(String.format(java.util.Locale.ROOT, "  a%d { strategy = %s, cluster = %d, variation = %.1f, daily-budget = 0.30%s }%n",
          j, strategy, j % 2, 0.8 + 0.1 * (j / 2), extra));
    }
    return b.append("}\n").toString();
  }

  private static Scenario load(Path dir, String text) throws Exception {
    Path file = dir.resolve("s-" + Math.abs(text.hashCode()) + ".conf");
    Files.writeString(file, text);
    return ScenarioLoader.load(file, List.of(), null);
  }

  private static MarlSettings dcmab(double alpha, double reserveGain) {
    return new MarlSettings("t", Algorithm.DCMAB, alpha, 4, 6, 3.0, reserveGain, 2.0);
  }

  @Test
  void sameSeedShouldTrainTheSamePolicyAndEvaluateTheSameMarket(@TempDir Path dir) throws Exception {
    // given a small market of two advertiser clusters
    Scenario s = load(dir, scenarioText("cluster-base", ""));
    // when the coordinated learners train twice on seed 3, and once on seed 4
    MarlTrainer.Result a = new MarlTrainer(s, dcmab(0.5, 0)).train(3);
    MarlTrainer.Result b = new MarlTrainer(s, dcmab(0.5, 0)).train(3);
    MarlTrainer.Result c = new MarlTrainer(s, dcmab(0.5, 0)).train(4);
    // then the same seed gives the same policy bytes and figures; another seed another policy
    assertThat(a.policy().text()).isEqualTo(b.policy().text());
    assertThat(a.evaluation().revenueMicros()).isEqualTo(b.evaluation().revenueMicros());
    assertThat(a.episodeReward()).isEqualTo(b.episodeReward());
    assertThat(c.policy().text()).isNotEqualTo(a.policy().text());
    // and the policy moved away from the factor-1 start somewhere
    assertThat(a.policy().factors()[0][0]).isNotEqualTo(new double[] {1, 1, 1, 1});
  }

  @Test
  void frozenPolicyPlayedThroughTheCatalogShouldReachTheTrainersEvaluationToTheMicro(@TempDir Path dir) throws Exception {
    // given a trained policy written to a file
    Scenario s = load(dir, scenarioText("cluster-base", ""));
    MarlTrainer.Result r = new MarlTrainer(s, dcmab(1, 0)).train(2);
    Path policy = dir.resolve("policy.txt");
    r.policy().write(policy);
    // when a scenario whose advertisers play it as cluster-policy runs on the market loop with the eval seed
    Scenario frozen = load(dir, scenarioText("cluster-policy", ", model = \"" + policy.toString().replace("\\", "/") + "\""))
        .withSeed(2);
    MarketLoop.Totals t = new MarketLoop(frozen).run();
    // then each cluster's revenue and spend are the trainer's evaluation, to the micro
    long[] revenue = new long[2];
    long[] spend = new long[2];
    for (int a = 0; a < 8; a++) {
      revenue[a % 2] += t.revenueMicros()[a];
      spend[a % 2] += t.spendMicros()[a];
    }
    assertThat(revenue).isEqualTo(r.evaluation().revenueMicros());
    assertThat(spend).isEqualTo(r.evaluation().spendMicros());
    // and with every bidder in a cluster, the exchange's revenue is what the advertisers paid
    assertThat(r.evaluation().exchangeRevenueMicros()).isEqualTo(spend[0] + spend[1]);
  }

  @Test
  void adaptiveReserveShouldRiseWhenPricesAreBelowItsReferenceAndChangeWhatTheExchangeEarns(@TempDir Path dir)
      throws Exception {
    // given the hand-set market, with and without a reserve defending 6.00 CPM (well above its prices)
    Scenario s = load(dir, scenarioText("cluster-base", ""));
    ClusterOutcome plain = new MarlTrainer(s, new MarlSettings("b", Algorithm.BASE, 0, 0, 6, 3, 0, 6.0)).train(1).evaluation();
    ClusterOutcome guarded = new MarlTrainer(s, new MarlSettings("r", Algorithm.BASE, 0, 0, 6, 3, 0.5, 6.0)).train(1)
        .evaluation();
    // then the reserve climbs above the scenario's 0.50 CPM and prices rise
    assertThat(plain.meanReserveMicros()).isEqualTo(-1);
    assertThat(guarded.meanReserveMicros()).isGreaterThan(500);
    assertThat(guarded.meanPriceCpm()).isGreaterThan(plain.meanPriceCpm());
  }

  @Test
  void rewardMixingShouldMoveEachAgentFromItsOwnRewardToTheMean() {
    double[] raw = {4, 0, -1, 1};
    assertThat(RewardMixing.mix(raw, 0)).containsExactly(4, 0, -1, 1);
    assertThat(RewardMixing.mix(raw, 1)).containsExactly(1, 1, 1, 1);
    assertThat(RewardMixing.mix(raw, 0.5)).containsExactly(2.5, 0.5, 0, 1);
  }

  @Test
  void aScenarioWithoutClustersOrWithAGapShouldBeRefused(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> AdvertiserClusters.of(ScenarioLoader.loadDefault(List.of(), null)))
        .hasMessageContaining("no advertiser of a cluster");
    Scenario gap = load(dir, scenarioText("cluster-base", "").replace("cluster = 1,", "cluster = 2,"));
    assertThatThrownBy(() -> AdvertiserClusters.of(gap)).hasMessageContaining("cluster(s) [1]");
  }
}
