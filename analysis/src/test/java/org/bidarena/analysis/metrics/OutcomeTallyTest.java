package org.bidarena.analysis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** New customers, lifetime value, ground-truth incrementality and the market shares, from hand-made outcomes. */
class OutcomeTallyTest {
  private static final byte BUY = ShardOutcomes.PURCHASE;
  private static final byte FIRST = ShardOutcomes.PURCHASE | ShardOutcomes.NEW_CUSTOMER;
  private final Scenario scenario = ScenarioLoader.loadDefault(List.of(), 42L);
  private final int adaptive = scenario.agentIndex("adaptive");
  private final int aggressive = scenario.agentIndex("aggressive");
  private final int conservative = scenario.agentIndex("conservative");

  @Test
  void figuresShouldFollowTheSampledCausesAndTheAcquiringAgent() {
    // given: adaptive acquires customer 5 and caused it; aggressive is last-clicked for an organic purchase
    // (zero lift); conservative caused a first purchase without a click; customer 5 buys again on tick 1,
    // last-clicked on aggressive, organically
    OutcomesRecorded tick0 = outcomes(0, 10, 2, new int[] {5, 6, 7, 8},
        new int[] {adaptive, aggressive, -1, aggressive},
        new byte[] {FIRST, BUY, FIRST, ShardOutcomes.CLICK},
        new long[] {40_000_000, 10_000_000, 20_000_000, 0},
        new int[] {adaptive, ShardOutcomes.ORGANIC, conservative, ShardOutcomes.NO_PURCHASE});
    OutcomesRecorded tick1 = outcomes(1, 10, 0, new int[] {5}, new int[] {aggressive}, new byte[] {BUY},
        new long[] {30_000_000}, new int[] {ShardOutcomes.ORGANIC});
    RunMetrics metrics = new RunMetrics(scenario);
    // when
    metrics.onTick(new TickResult(0, List.of(), List.of(tick0), new TickCompleted(0, 20)));
    metrics.onTick(new TickResult(1, List.of(), List.of(tick1), new TickCompleted(1, 20)));
    RunSummary summary = metrics.snapshot();
    // then
    AgentMetrics a = summary.agents().get(adaptive);
    assertThat(a.newCustomerCount()).hasValue(1);
    assertThat(a.ltvMicros()).as("both purchases of the customer it acquired").hasValue(70_000_000);
    assertThat(a.incrementalConversions()).isEqualTo(1);
    assertThat(a.incrementalRevenueMicros()).isEqualTo(40_000_000);
    AgentMetrics g = summary.agents().get(aggressive);
    assertThat(g.incrementalConversions()).as("last-click credit, but its ads caused nothing").isZero();
    assertThat(g.newCustomerCount()).hasValue(0);
    assertThat(g.cacMicros()).isEmpty();
    AgentMetrics c = summary.agents().get(conservative);
    assertThat(c.incrementalConversions()).isEqualTo(1);
    assertThat(c.newCustomerCount()).as("a purchase without a click is attributed to no one").hasValue(0);
    assertThat(summary.market().purchases()).isEqualTo(4);
    assertThat(summary.market().organicShare()).isEqualTo(0.5);
    assertThat(summary.market().fatigueShare()).isEqualTo(0.1);
    long[] row = metrics.tickOutcomes().of(0, adaptive);
    assertThat(row[TickOutcomes.NEW_CUSTOMERS]).isEqualTo(1);
    assertThat(row[TickOutcomes.INCREMENTAL_REVENUE]).isEqualTo(40_000_000);
    assertThat(metrics.tickOutcomes().of(1, adaptive)[TickOutcomes.INCREMENTAL_CONVERSIONS]).isZero();
  }

  private static OutcomesRecorded outcomes(long tick, int impressions, int fatigued, int[] customers, int[] agents,
      byte[] kinds, long[] revenue, int[] causes) {
    int n = customers.length;
    long[] auctions = new long[n];
    java.util.Arrays.fill(auctions, -1);
    return new OutcomesRecorded(tick, 0, new ShardOutcomes(impressions, impressions, fatigued, customers, agents,
        kinds, revenue, auctions, new int[n + 1], new int[0], new int[0], new int[0], new int[0], causes,
        new int[Stage.COUNT]));
  }
}
