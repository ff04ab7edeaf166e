package org.bidarena.agents.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bidarena.agents.StrategyDecision;
import org.junit.jupiter.api.Test;

class CampaignOptimiserTest {
  private final CampaignSpec spec = CampaignStrategyTest.strategy(CampaignStrategyTest.SCENARIO).spec();

  private CampaignOptimiser optimiser(CampaignRules rules, Cadences cadences) {
    return new CampaignOptimiser(spec, rules, cadences, 100_000, 0);
  }

  private static CampaignRules rules(long minTestBudgetMicros) {
    CampaignRules d = CampaignRules.DEFAULTS;
    return new CampaignRules(d.ctrThreshold(), d.reallocationShare(), d.reallocationCut(), 5, d.promoteRoas(),
        minTestBudgetMicros, d.wearOutSlope(), d.discoveryConfidence(), d.riskBudget());
  }

  @Test
  void theDocumentsCadencesMapOntoTicksAndNeverBelowOne() {
    assertThat(Cadences.ticks(Cadences.MONITOR_SECONDS, 96)).isEqualTo(1);
    assertThat(Cadences.ticks(Cadences.ROTATE_SECONDS, 96)).isEqualTo(1);
    assertThat(Cadences.ticks(Cadences.REALLOCATE_SECONDS, 1440)).isEqualTo(2);
    assertThat(Cadences.ticks(Cadences.DISCOVER_SECONDS, 1440)).isEqualTo(5);
    assertThat(Cadences.ticks(Cadences.ROTATE_SECONDS, 1440)).isEqualTo(10);
    assertThat(Cadences.orDefault(7, Cadences.ROTATE_SECONDS, 1440)).isEqualTo(7);
    assertThat(Cadences.due(9, 10)).isTrue();
    assertThat(Cadences.due(10, 10)).isFalse();
  }

  @Test
  void reallocationMovesBudgetToTheBestRankedCellsAndKeepsTheTotal() {
    CellLedger cells = new CellLedger(spec, 40_000_000);
    long total = cells.totalBudget();
    for (int c = 0; c < 50; c++) {
      cells.spend[c] = 200_000;
      cells.revenue[c] = c * 100_000L; // cell 49 best, cell 0 worst
    }
    List<StrategyDecision> out = optimiser(rules(Long.MAX_VALUE), new Cadences(1000, 1, 1000, 1000))
        .run(0, cells, new CreativeHours(3, 96, 3), new ZipEvidenceBook(10, 6));
    assertThat(cells.totalBudget()).isEqualTo(total);
    // 50 ranked cells: the bottom 10 (ids 0..9) lose half, the top 10 (40..49) share it
    assertThat(out).hasSize(20).allMatch(d -> d.kind().equals("reallocate"));
    long before = total / 432 + 1; // the first 256 cells get the remainder's extra micro
    assertThat(cells.budget[0]).isEqualTo(before - before / 2);
    assertThat(cells.budget[49]).isGreaterThan(before);
    assertThat(cells.budget[50]).isEqualTo(before); // never spent enough to be ranked
    assertThat(out.get(0).reason()).contains("top of 50 ranked cells");
  }

  @Test
  void aCellKilledAtItsTestBudgetHandsItsBudgetToTheLiveCellsAndPromotionNeedsBothThresholds() {
    CellLedger cells = new CellLedger(spec, 40_000_000);
    long total = cells.totalBudget();
    cells.spend[3] = 1_000_000;
    cells.impressions[3] = 500;
    cells.spend[4] = 999_999; // just under the test budget: kept
    cells.spend[5] = 1_000_000;
    cells.conversions[5] = 6;
    cells.revenue[5] = 3_600_000; // roas 3.6 > 3.5, 6 > 5: promoted
    cells.spend[6] = 1_000_000;
    cells.conversions[6] = 6;
    cells.revenue[6] = 3_500_000; // roas 3.5 is not above 3.5: kept
    List<StrategyDecision> out = optimiser(rules(1_000_000), new Cadences(1, 1000, 1000, 1000))
        .run(0, cells, new CreativeHours(3, 96, 3), new ZipEvidenceBook(10, 6));
    assertThat(out).extracting(StrategyDecision::kind, StrategyDecision::item)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kill", 3), org.assertj.core.groups.Tuple.tuple("promote", 5));
    assertThat(cells.status[3]).isEqualTo(CellLedger.KILLED);
    assertThat(cells.budget[3]).isZero();
    assertThat(cells.canBid(3)).isFalse();
    assertThat(cells.totalBudget()).isEqualTo(total);
    assertThat(cells.status[5]).isEqualTo(CellLedger.PROMOTED);
    assertThat(cells.status[4]).isEqualTo(CellLedger.ACTIVE);
    assertThat(cells.status[6]).isEqualTo(CellLedger.ACTIVE);
  }

  @Test
  void aCreativeWhoseHourlyCtrFallsFastIsRotatedToTheNextOne() {
    CellLedger cells = new CellLedger(spec, 40_000_000);
    CreativeHours hours = new CreativeHours(3, 96, 3);
    // creative 0: 3 full hours (4 ticks each) of 1,000 impressions with 30, 20, 10 clicks: slope -0.5/h
    int[] clicks = {30, 20, 10};
    for (int h = 0; h < 3; h++) {
      for (int i = 0; i < 1000; i++) {
        hours.impression(h * 4L, 0);
      }
      for (int i = 0; i < clicks[h]; i++) {
        hours.click(h * 4L, 0);
      }
    }
    List<StrategyDecision> out = optimiser(rules(Long.MAX_VALUE), new Cadences(1000, 1000, 1000, 1))
        .run(11, cells, hours, new ZipEvidenceBook(10, 6));
    assertThat(out).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo("rotate");
      assertThat(d.reason()).contains("creative spring-a").contains("-0.500/h").contains("144 cells now show spring-b");
    });
    assertThat(cells.shownCreative[0]).isEqualTo(1);
    // with a flat CTR nothing is rotated
    CreativeHours flat = new CreativeHours(3, 96, 3);
    for (int h = 0; h < 3; h++) {
      for (int i = 0; i < 1000; i++) {
        flat.impression(h * 4L, 1);
      }
      for (int i = 0; i < 20; i++) {
        flat.click(h * 4L, 1);
      }
    }
    assertThat(optimiser(rules(Long.MAX_VALUE), new Cadences(1000, 1000, 1000, 1))
        .run(11, new CellLedger(spec, 40_000_000), flat, new ZipEvidenceBook(10, 6))).isEmpty();
  }
}
