package org.bidarena.agents.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bidarena.agents.campaign.DecisionEngine.Recommendation;
import org.bidarena.agents.campaign.Lifecycle.Verdict;
import org.junit.jupiter.api.Test;

/** Each rule at its threshold: just below and just above, with the document's default thresholds. */
class CampaignRulesTest {
  private static final CampaignRules RULES = CampaignRules.DEFAULTS;

  private static CellPerformance cell(int id, long impressions, long clicks, long conversions, long spend,
      long revenue) {
    return new CellPerformance(id, impressions, clicks, conversions, spend, revenue, 0.7, 0.9);
  }

  @Test
  void theMonitorFlagsACellJustUnderHalfTheCtrThresholdAndNotOneAtIt() {
    // given: threshold 0.5%, so the floor is 0.25%: 24 of 10,000 is under, 25 is at it
    List<CellPerformance> cells = List.of(cell(1, 10_000, 24, 0, 0, 0), cell(2, 10_000, 25, 0, 0, 0),
        cell(3, 0, 0, 0, 0, 0));

    // then: a cell with no impressions is not judged yet
    assertThat(PerformanceMonitor.flagged(cells, RULES)).containsExactly(1);
  }

  @Test
  void promotionNeedsMoreThan100ConversionsAndRoasAbove3point5() {
    assertThat(Lifecycle.judge(cell(1, 1, 1, 101, 1_000_000, 3_500_001), RULES)).isEqualTo(Verdict.PROMOTE);
    assertThat(Lifecycle.judge(cell(1, 1, 1, 100, 1_000_000, 9_000_000), RULES)).isEqualTo(Verdict.KEEP);
    assertThat(Lifecycle.judge(cell(1, 1, 1, 101, 1_000_000, 3_500_000), RULES)).isEqualTo(Verdict.KEEP);
  }

  @Test
  void aCellIsKilledOnceItsTestBudgetIsSpentWithNoConversion() {
    long budget = RULES.minTestBudgetMicros();
    assertThat(Lifecycle.judge(cell(1, 1, 1, 0, budget, 0), RULES)).isEqualTo(Verdict.KILL);
    assertThat(Lifecycle.judge(cell(1, 1, 1, 0, budget - 1, 0), RULES)).isEqualTo(Verdict.KEEP);
    assertThat(Lifecycle.judge(cell(1, 1, 1, 1, budget * 10, 0), RULES)).isEqualTo(Verdict.KEEP);
  }

  @Test
  void theBottomFifthLosesHalfTheTopFifthGainsItAndTheTotalIsKeptToTheMicro() {
    // given: 10 cells with ROAS 1..10 (cell i has ROAS i+1) and odd budgets
    List<CellPerformance> cells = new ArrayList<>();
    long[] budgets = new long[10];
    for (int i = 0; i < 10; i++) {
      cells.add(cell(i, 100, 1, 1, 1_000_000, (i + 1) * 1_000_000L));
      budgets[i] = 10_000_001L + i;
    }

    // when
    List<BudgetReallocation.Move> moves = BudgetReallocation.apply(cells, budgets, RULES);

    // then: cells 0 and 1 lose half (rounded down), cells 9 and 8 share the pool, best first for the odd micro
    assertThat(moves).extracting(BudgetReallocation.Move::cell).containsExactly(9, 8, 1, 0);
    assertThat(moves.get(3).afterMicros()).isEqualTo(10_000_001L - 5_000_000L);
    assertThat(moves.get(2).afterMicros()).isEqualTo(10_000_002L - 5_000_001L);
    long pool = 5_000_000L + 5_000_001L;
    assertThat(moves.get(0).deltaMicros()).isEqualTo(pool / 2 + 1);
    assertThat(moves.get(1).deltaMicros()).isEqualTo(pool / 2);
    assertThat(moves.stream().mapToLong(BudgetReallocation.Move::deltaMicros).sum()).isZero();
  }

  @Test
  void reallocationKeepsTheTotalForAnyBudgetsAndIgnoresTheOrderCellsComeIn() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rnd.nextInt(60);
      List<CellPerformance> cells = new ArrayList<>();
      long[] budgets = new long[n];
      for (int i = 0; i < n; i++) {
        cells.add(cell(i, 100, 1, 1, 1 + rnd.nextInt(1000), rnd.nextInt(4) * 1000L));
        budgets[i] = rnd.nextInt(1_000_000_000);
      }
      long[] after = budgets.clone();
      for (BudgetReallocation.Move m : BudgetReallocation.apply(cells, budgets, RULES)) {
        after[m.cell()] = m.afterMicros();
      }
      assertThat(Arrays.stream(after).sum()).isEqualTo(Arrays.stream(budgets).sum());
      assertThat(Arrays.stream(after).min().getAsLong()).isNotNegative();

      // the same cells in reverse order get the same moves
      List<CellPerformance> reversed = new ArrayList<>(cells);
      java.util.Collections.reverse(reversed);
      long[] reversedBudgets = new long[n];
      for (int i = 0; i < n; i++) {
        reversedBudgets[i] = budgets[n - 1 - i];
      }
      assertThat(BudgetReallocation.apply(reversed, reversedBudgets, RULES))
          .containsExactlyElementsOf(BudgetReallocation.apply(cells, budgets, RULES));
    }
  }

  @Test
  void fewerThanFiveCellsHaveNoFifthToMove() {
    List<CellPerformance> cells = List.of(cell(0, 1, 1, 1, 1, 1), cell(1, 1, 1, 1, 1, 9), cell(2, 1, 1, 1, 1, 5),
        cell(3, 1, 1, 1, 1, 2));
    assertThat(BudgetReallocation.apply(cells, new long[] {10, 10, 10, 10}, RULES)).isEmpty();
  }

  @Test
  void aCreativeIsRotatedWhenItsCtrFallsFasterThan15PercentOfItsMeanPerHour() {
    // given: slope -0.15 x mean exactly is not below the threshold; a little steeper is
    double mean = 0.01;
    double[] atThreshold = {mean + 0.15 * mean, mean, mean - 0.15 * mean};
    double[] steeper = {mean + 0.151 * mean, mean, mean - 0.151 * mean};
    double[] flat = {0.01, 0.011, 0.009};

    assertThat(CreativeWearOut.relativeSlope(atThreshold)).isCloseTo(-0.15, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(CreativeWearOut.wornOut(new double[] {mean + 0.1499 * mean, mean, mean - 0.1499 * mean}, RULES))
        .isFalse();
    assertThat(CreativeWearOut.wornOut(steeper, RULES)).isTrue();
    assertThat(CreativeWearOut.wornOut(flat, RULES)).isFalse();
    assertThat(CreativeWearOut.relativeSlope(new double[] {0, 0, 0})).isZero();
  }

  @Test
  void theEngineTakesTheHighestPrioritiesWithinTheRiskBudgetAndSkipsOnesThatWouldOverrunIt() {
    // given: priorities 0.9*1*(1-0.1)=0.81, 0.8*1*(1-0.15)=0.68, 0.5*1*(1-0.05)=0.475, 0.4*1*(1-0.1)=0.36
    List<Recommendation> recs = List.of(
        new Recommendation("rotate", 4, 0.4, 1, 0.1, "d"),
        new Recommendation("reallocate", 1, 0.9, 1, 0.1, "a"),
        new Recommendation("promote", 2, 0.8, 1, 0.15, "b"),
        new Recommendation("kill", 3, 0.5, 1, 0.05, "c"));

    // when
    List<Recommendation> chosen = DecisionEngine.select(recs, 0.2);

    // then: 0.1 taken, 0.15 would make 0.25 so skipped, 0.05 fits (0.15), 0.1 would make 0.25: skipped
    assertThat(chosen).extracting(Recommendation::cell).containsExactly(1, 3);
    assertThat(DecisionEngine.select(recs, 0.3)).extracting(Recommendation::cell).containsExactly(1, 2, 3);
    assertThat(DecisionEngine.select(List.of(new Recommendation("x", 1, 1, 1, 0.1, ""),
        new Recommendation("x", 2, 1, 1, 0.1, "")), 0.2)).hasSize(2);
    assertThatThrownBy(() -> new Recommendation("x", 1, 1, 1, 1.5, "")).hasMessageContaining("risk in [0, 1]");
  }

  @Test
  void rulesOutsideTheirRangeAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> new CampaignRules(0.005, 0.6, 0.5, 100, 3.5, 1, -0.15, 0.8, 0.2))
        .hasMessage("campaigns.rules.reallocation-share must be in [0.0, 0.5], was 0.6");
    assertThatThrownBy(() -> new CampaignRules(0.005, 0.2, 0.5, 100, 3.5, 1, 0.15, 0.8, 0.2))
        .hasMessageContaining("wear-out-slope must be below 0");
  }
}
