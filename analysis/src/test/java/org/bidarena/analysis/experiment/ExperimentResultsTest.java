package org.bidarena.analysis.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.stats.Verdict;
import org.junit.jupiter.api.Test;

/** Pairing, units and undefined figures in the comparison of an experiment's runs (no runs played). */
class ExperimentResultsTest {
  private static final ExperimentPlan PLAN = new ExperimentPlan(List.of("a", "b"), List.of(1L, 2L, 3L),
      List.of("profit", "roas"), List.of("x"), 1_000, 1, ExperimentPlan.RUNNING);

  @Test
  void shouldPairBySeedConvertMicrosAndDropUndefinedSeeds() {
    // given profit in micros and a roas that is undefined (null) in arm b's seed 2
    Map<String, List<RunValues>> runs = Map.of(
        "a", List.of(run(1, 1_000_000, 2.0), run(2, 3_000_000, 1.0), run(3, 2_000_000, 4.0)),
        "b", List.of(run(1, 2_000_000, 3.0), run(2, 4_000_000, null), run(3, 3_000_000, 5.0)));
    List<ExperimentResults.Row> rows = ExperimentResults.compare(PLAN, runs);
    assertThat(rows).hasSize(2);
    ExperimentResults.Row profit = rows.get(0);
    // then profit is in currency units and B - A is 1 on every seed
    assertThat(profit.metric().name()).isEqualTo("profit");
    assertThat(profit.stats().meanA()).isEqualTo(2.0);
    assertThat(profit.stats().meanB()).isEqualTo(3.0);
    assertThat(profit.stats().meanDifference()).isEqualTo(1.0);
    assertThat(profit.stats().verdict()).isEqualTo(Verdict.B_BETTER);
    // and roas compares seeds 1 and 3 only
    ExperimentResults.Row roas = rows.get(1);
    assertThat(roas.pairs()).isEqualTo(2);
    assertThat(roas.stats().meanA()).isEqualTo(3.0);
    assertThat(roas.stats().meanB()).isEqualTo(4.0);
  }

  @Test
  void aRunOfAnotherSeedShouldBeRefused() {
    Map<String, List<RunValues>> runs = Map.of(
        "a", List.of(run(1, 1, 1.0), run(2, 1, 1.0), run(3, 1, 1.0)),
        "b", List.of(run(1, 1, 1.0), run(3, 1, 1.0), run(2, 1, 1.0)));
    assertThatThrownBy(() -> ExperimentResults.compare(PLAN, runs)).isInstanceOf(BadInput.class)
        .hasMessageContaining("seed 2").hasMessageContaining("pairing");
  }

  @Test
  void metricNamesShouldMatchLooselyAndUnknownOnesListTheKnown() {
    assertThat(AgentMetric.find("incremental-roas").key()).isEqualTo("incrementalRoas");
    assertThat(AgentMetric.find("profitMicros").name()).isEqualTo("profit");
    assertThat(AgentMetric.find("CAC").direction()).isEqualTo(Verdict.Direction.LOWER_IS_BETTER);
    assertThatThrownBy(() -> AgentMetric.find("profitt")).isInstanceOf(BadInput.class)
        .hasMessageContaining("profit,roas");
  }

  @Test
  void planShouldRoundTripThroughItsJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve(ExperimentPlan.FILE), PLAN.toJson());
    assertThat(ExperimentPlan.read(dir)).isEqualTo(PLAN);
  }

  private static RunValues run(long seed, long profitMicros, Double roas) {
    Map<String, Double> values = new HashMap<>();
    values.put("profitMicros", (double) profitMicros);
    if (roas != null) {
      values.put("roas", roas);
    }
    return new RunValues(seed, "d" + seed, Map.of("x", values));
  }

  @Test
  void clicksPerSpendDividesClicksBySpendInCurrencyUnitsAndIsUndefinedWithoutSpend() {
    AgentMetric m = AgentMetric.find("clicks-per-spend");
    assertThat(m.name()).isEqualTo("clicksPerSpend");
    assertThat(m.of(Map.of("clicks", 10.0, "spendMicros", 4_000_000.0))).isEqualTo(2.5);
    assertThat(m.of(Map.of("clicks", 10.0, "spendMicros", 0.0))).isNaN();
    assertThat(m.of(Map.of("clicks", 10.0))).isNaN();
    assertThat(AgentMetric.find("clicks").of(Map.of("clicks", 10.0, "spendMicros", 4_000_000.0))).isEqualTo(10.0);
  }
}
