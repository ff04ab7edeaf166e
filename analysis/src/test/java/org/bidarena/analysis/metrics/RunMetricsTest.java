package org.bidarena.analysis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
  private final Scenario scenario = ScenarioLoader.loadDefault(List.of(), 42L);
  private final String first = scenario.agents().get(0).id();
  private final String second = scenario.agents().get(1).id();

  @Test
  void snapshotShouldSumEachAgentsTicksAndTakeEachShardsLatestFunnel() {
    // given
    RunMetrics metrics = new RunMetrics(scenario);
    // when
    metrics.onTick(new TickResult(0, List.of(settled(0, first, 3, 2_000)), List.of(outcomes(0, 0, 10)),
        new TickCompleted(0, 40)));
    metrics.onTick(new TickResult(1, List.of(settled(1, first, 5, 1_000), settled(1, second, 7, 9_000)),
        List.of(outcomes(1, 0, 4), outcomes(1, 1, 6)), new TickCompleted(1, 60)));
    RunSummary summary = metrics.snapshot();
    // then
    assertThat(summary.ticks()).isEqualTo(2);
    assertThat(summary.auctions()).isEqualTo(100);
    assertThat(summary.impressions()).isEqualTo(15);
    assertThat(summary.agents().get(0).impressions()).isEqualTo(8);
    assertThat(summary.agents().get(0).maxDailySpendMicros()).isEqualTo(2_000);
    assertThat(summary.agents().get(1).impressions()).isEqualTo(7);
    assertThat(summary.funnel()[0]).as("each shard's latest stock (4 + 6), not the sum over ticks").isEqualTo(10);
    assertThat(summary.digest()).isEmpty();
    assertThat(metrics.ticks()).extracting(BidderTickSettled::agent).containsExactly(first, first, second);
  }

  @Test
  void snapshotShouldBeTakenMidRunAndCountOnlyTheTicksFedSoFar() {
    // given
    RunMetrics metrics = new RunMetrics(scenario);
    metrics.onTick(new TickResult(0, List.of(settled(0, first, 3, 2_000)), List.of(), new TickCompleted(0, 40)));
    // when
    RunSummary early = metrics.snapshot();
    metrics.onTick(new TickResult(1, List.of(settled(1, first, 5, 1_000)), List.of(), null));
    RunSummary later = metrics.snapshot();
    // then
    assertThat(early.impressions()).isEqualTo(3);
    assertThat(later.impressions()).isEqualTo(8);
    assertThat(later.ticks()).as("a tick the Driver never closed is not a completed tick").isEqualTo(1);
  }

  @Test
  void snapshotShouldCountEveryPurchaseOfTheMarketAndProfitWithTheScenariosMargin() {
    // given two shards' purchases (one attributed to the first agent, one to the second) and a click
    RunMetrics metrics = new RunMetrics(scenario);
    OutcomesRecorded shard0 = new OutcomesRecorded(0, 0, new ShardOutcomes(3, 2, 0, new int[] {1, 2},
        new int[] {0, 1}, new byte[] {ShardOutcomes.PURCHASE, ShardOutcomes.CLICK}, new long[] {40_000_000, 0},
        new long[] {-1, -1}, new int[3], new int[0], new int[0], new int[0], new int[0],
        new int[] {ShardOutcomes.ORGANIC, ShardOutcomes.NO_PURCHASE}, new int[Stage.COUNT]));
    OutcomesRecorded shard1 = new OutcomesRecorded(0, 1, new ShardOutcomes(3, 1, 0, new int[] {7},
        new int[] {1}, new byte[] {ShardOutcomes.PURCHASE}, new long[] {5_000_000}, new long[] {-1}, new int[2],
        new int[0], new int[0], new int[0], new int[0], new int[] {1}, new int[Stage.COUNT]));
    BidderTickSettled paid = new BidderTickSettled(0, first, 10, 5, 500, 2, 1_000_000, 0, 1, 40_000_000, 1, 1.0);
    // when fed in two calls, outcomes first, as a journal walk does
    metrics.onTick(new TickResult(0, List.of(), List.of(shard1, shard0), null));
    metrics.onTick(new TickResult(0, List.of(paid), List.of(), new TickCompleted(0, 6)));
    RunSummary summary = metrics.snapshot();
    // then
    assertThat(summary.market().purchases()).isEqualTo(2);
    assertThat(summary.market().purchaseRevenueMicros()).isEqualTo(45_000_000);
    assertThat(summary.market().impressions()).isEqualTo(3);
    assertThat(summary.marginPpm()).isEqualTo(scenario.reporting().marginPpm());
    assertThat(summary.agents().get(0).profitMicros())
        .isEqualTo(scenario.reporting().marginOf(40_000_000) - 1_000_000);
    assertThat(summary.market().organicShare()).as("one organic purchase of two").isEqualTo(0.5);
  }

  @Test
  void onTickShouldRefuseAnAgentTheScenarioLacks() {
    RunMetrics metrics = new RunMetrics(scenario);
    TickResult stranger = new TickResult(0, List.of(settled(0, "stranger", 1, 1)), List.of(), null);
    assertThatThrownBy(() -> metrics.onTick(stranger)).hasMessageContaining("stranger");
  }

  @Test
  void withDigestShouldKeepEveryFigure() {
    RunSummary summary = new RunMetrics(scenario).snapshot();
    assertThat(summary.withDigest("abc").toJson()).isEqualTo(summary.toJson().replace("\"digest\": \"\"", "\"digest\": \"abc\""));
  }

  private static BidderTickSettled settled(long tick, String agent, long impressions, long spentToday) {
    return new BidderTickSettled(tick, agent, 10, 5, 500, impressions, 100, 1, 0, 0, spentToday, 1.0);
  }

  private static OutcomesRecorded outcomes(long tick, int shard, int firstStage) {
    int[] counts = new int[Stage.COUNT];
    counts[0] = firstStage;
    return new OutcomesRecorded(tick, shard,
        ShardOutcomes.withoutRows(0, 0, 0, counts));
  }
}
