package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.metrics.AgentMetrics;
import org.bidarena.analysis.report.FiguresTable;
import org.bidarena.analysis.report.HtmlReport;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.analysis.whatif.WhatIf;
import org.bidarena.app.analysis.WhatIfCommand;
import org.bidarena.core.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Plays the default scenario once, then checks replay, export and sql against what the run reported. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisTest {
  private Path dir;
  private JsonNode summary;
  private double runSeconds;

  @BeforeAll
  void playDefaultScenario(@TempDir Path temp) throws Exception {
    dir = temp.resolve("default-run");
    long start = System.nanoTime();
    summary = Runs.run(dir);
    runSeconds = (System.nanoTime() - start) / 1e9;
  }

  @Test
  void replaySummaryEqualsTheRunsSummary() throws Exception {
    // given the finished default run
    // when
    long start = System.nanoTime();
    Runs.Output replay = Runs.capture("replay", dir.toString());
    double replaySeconds = (System.nanoTime() - start) / 1e9;
    // then
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    Path replayed = dir.resolve("replay-summary.json");
    assertThat(new ObjectMapper().readTree(Files.readString(replayed))).isEqualTo(summary);
    assertThat(Files.readString(replayed)).isEqualTo(Files.readString(dir.resolve("summary.json")));
    assertThat(Files.readString(dir.resolve("replay-ticks.csv"))).isEqualTo(Files.readString(dir.resolve("ticks.csv")));
    assertThat(replay.out()).contains("digest: " + summary.get("digest").asText());
    assertThat(replay.out()).contains("aggressive").contains("Customer funnel").contains("CVR/clk%")
        .contains("Market check").contains("organic share of purchases");
    System.err.printf("default run: %.1f s in-process, replay: %.1f s%n", runSeconds, replaySeconds);
  }

  @Test
  void exportedParquetHoldsTheJournalsCountsAndSums(@TempDir Path out) throws Exception {
    // when
    Runs.Output export = Runs.capture("export", dir.toString(), "--format", "parquet", "--to", out.toString());
    // then
    assertThat(export.exitCode()).as(export.err()).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      String auctions = "read_parquet('" + out.resolve("auctions.parquet") + "')";
      String outcomes = "read_parquet('" + out.resolve("outcomes.parquet") + "')";
      assertThat(single(s, "SELECT count(*) FROM " + auctions)).isEqualTo(summary.get("auctions").asLong());
      assertThat(single(s, "SELECT count(winner) FROM " + auctions)).isEqualTo(summary.get("impressions").asLong());
      Map<String, Long> impressions = new HashMap<>();
      try (ResultSet rs = s.executeQuery(
          "SELECT winner, count(*) FROM " + auctions + " WHERE winner IS NOT NULL GROUP BY 1")) {
        while (rs.next()) {
          impressions.put(rs.getString(1), rs.getLong(2));
        }
      }
      long spend = 0;
      long revenue = 0;
      long clicks = 0;
      for (JsonNode agent : summary.get("agents")) {
        assertThat(impressions.getOrDefault(agent.get("id").asText(), 0L))
            .as(agent.get("id").asText()).isEqualTo(agent.get("impressions").asLong());
        spend += agent.get("spendMicros").asLong();
        revenue += agent.get("revenueMicros").asLong();
        clicks += agent.get("clicks").asLong();
      }
      assertThat(single(s, "SELECT sum(price_micros) FROM " + auctions)).isEqualTo(spend);
      // organic purchases (no attributable click) have no agent: the agents' revenue is the attributed rows'
      assertThat(single(s, "SELECT sum(revenue_micros) FROM " + outcomes + " WHERE agent IS NOT NULL"))
          .isEqualTo(revenue);
      assertThat(single(s, "SELECT count(*) FILTER (WHERE clicked) FROM " + outcomes)).isEqualTo(clicks);
      assertThat(single(s, "SELECT count(*) FILTER (WHERE bid_aggressive > 0) FROM " + auctions))
          .isEqualTo(agent("aggressive").get("bids").asLong());
      // the long bids table holds the same bids, one row each, and marks the winner's
      String bids = "read_parquet('" + out.resolve("bids.parquet") + "')";
      assertThat(single(s, "SELECT count(*) FROM " + bids + " WHERE agent = 'aggressive'"))
          .isEqualTo(agent("aggressive").get("bids").asLong());
      assertThat(single(s, "SELECT count(*) FROM " + bids + " b JOIN " + auctions
          + " a USING (auction_id) WHERE b.agent = 'aggressive' AND b.bid_micros <> a.bid_aggressive")).isZero();
      assertThat(single(s, "SELECT count(*) FROM " + bids + " WHERE won")).isEqualTo(summary.get("impressions").asLong());
    }
  }

  @Test
  void exportedCsvHasOneRowPerAuction(@TempDir Path out) throws Exception {
    Runs.Output export = Runs.capture("export", dir.toString(), "--format", "csv", "--to", out.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    try (var lines = Files.lines(out.resolve("auctions.csv"))) {
      assertThat(lines.count()).isEqualTo(summary.get("auctions").asLong() + 1);
    }
    assertThat(Files.readAllLines(out.resolve("outcomes.csv")).get(0))
        .isEqualTo("tick,day,shard,customer,agent,clicked,purchased,revenue_micros,new_customer,cause");
  }

  @Test
  void sqlAnswersRoasPerAgentAsTheSummary() {
    // when
    Runs.Output sql = Runs.capture("sql", dir.toString(),
        "WITH s AS (SELECT winner AS agent, sum(price_micros) AS spend FROM auctions WHERE winner IS NOT NULL"
            + " GROUP BY 1), r AS (SELECT agent, sum(revenue_micros) AS revenue FROM outcomes GROUP BY 1)"
            + " SELECT s.agent, coalesce(r.revenue, 0) / s.spend AS roas FROM s LEFT JOIN r USING (agent)"
            + " ORDER BY 1");
    // then
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    Map<String, Double> roas = new HashMap<>();
    for (String line : sql.out().split("\n")) {
      String[] cells = line.trim().split("\\s+");
      if (cells.length == 2 && cells[1].matches("[0-9.Ee-]+")) {
        roas.put(cells[0], Double.parseDouble(cells[1]));
      }
    }
    for (JsonNode agent : summary.get("agents")) {
      if (agent.get("spendMicros").asLong() > 0) {
        assertThat(roas.get(agent.get("id").asText())).as(agent.get("id").asText())
            .isCloseTo(agent.get("roas").asDouble(), within(1e-6));
      }
    }
    assertThat(roas).hasSize(6);
  }

  @Test
  void badSqlIsOneLineAndExitCode2() {
    Runs.Output sql = Runs.capture("sql", dir.toString(), "SELEC count(*) FROM auctions");
    assertThat(sql.exitCode()).isEqualTo(2);
    assertThat(sql.err().strip()).startsWith("error: the query failed").doesNotContain("\n");
  }

  @Test
  void whatIfWithTheAgentsOwnStrategyReproducesTheRecordedMetrics() {
    // given
    RunFolder folder = RunFolder.open(dir);
    RecordedRun run = RecordedRun.read(folder, JournalSettingsForTest.h2(dir), dir.toString(), true);
    for (String agent : new String[] {"conservative", "adaptive", "random"}) {
      Scenario same = WhatIfCommand.changedScenario(
          folder, run.scenario(), agent, run.scenario().agents().get(run.scenario().agentIndex(agent)).strategy(),
          List.of());
      // when
      WhatIf.Result result = new WhatIf(same, same.agentIndex(agent)).run(run.auctions());
      // then
      assertThat(result.agents()).as(agent).isEqualTo(run.summary().agents());
      assertThat(result.funnel()).isEqualTo(run.summary().funnel());
    }
  }

  @Test
  void whatIfWithAnotherStrategyChangesThatAgentsMetrics() {
    // given
    RunFolder folder = RunFolder.open(dir);
    RecordedRun run = RecordedRun.read(folder, JournalSettingsForTest.h2(dir), dir.toString(), true);
    Scenario changed = WhatIfCommand.changedScenario(folder, run.scenario(), "conservative", "aggressive", List.of());
    int conservative = changed.agentIndex("conservative");
    // when
    WhatIf.Result result = new WhatIf(changed, conservative).run(run.auctions());
    // then
    AgentMetrics before = run.summary().agents().get(conservative);
    AgentMetrics after = result.agents().get(conservative);
    assertThat(after.strategy()).isEqualTo("aggressive");
    // 1.3x instead of 0.7x the base bid, on every stage instead of two
    assertThat(after.avgBidMicros().getAsLong()).isGreaterThan(before.avgBidMicros().getAsLong());
    assertThat(after.spendMicros()).isGreaterThan(before.spendMicros());
    assertThat(after.impressions()).isNotEqualTo(before.impressions());
    assertThat(after.maxDailySpendMicros()).isLessThanOrEqualTo(after.dailyBudgetMicros());
    // the traffic is the recorded one, so every agent still saw every auction
    assertThat(result.agents()).allSatisfy(a -> assertThat(a.auctions()).isEqualTo(summary.get("auctions").asLong()));
  }

  @Test
  void whatIfCommandPrintsEveryAgentBeforeAndAfter() {
    Runs.Output out = Runs.capture("whatif", dir.toString(), "--agent", "conservative", "--strategy", "aggressive",
        "--set", "multiplier=1.1");
    assertThat(out.exitCode()).as(out.err()).isZero();
    assertThat(out.out()).contains("conservative -> aggressive");
    for (JsonNode agent : summary.get("agents")) {
      assertThat(out.out()).contains(agent.get("id").asText());
    }
  }

  @Test
  void reportDrawsEveryChartInHeadlessChromium() throws Exception {
    // when
    Runs.Output report = Runs.capture("report", dir.toString());
    // then
    assertThat(report.exitCode()).as(report.err()).isZero();
    Path html = dir.resolve("report.html");
    String page = Files.readString(html);
    assertThat(page).doesNotContainPattern("<script[^>]*\\bsrc=").doesNotContain("<link");
    for (String chart : HtmlReport.CHARTS) {
      assertThat(page).contains("<canvas id=\"" + chart + "\"");
    }
    for (String column : FiguresTable.COLUMNS) {
      assertThat(page).as("the figures table's column " + column).contains("<th>" + HtmlReport.escape(column) + "</th>");
    }
    assertThat(page).contains("<td>" + agent("fixed").get("clicks").asText() + "</td>");
    JsonNode status = Chromium.pageStatus(html);
    assertThat(status.get("errors")).as("JavaScript errors").isEmpty();
    for (String chart : HtmlReport.CHARTS) {
      assertThat(status.get("charts").get(chart).asBoolean()).as("chart " + chart + " drew").isTrue();
    }
  }

  private JsonNode agent(String id) {
    for (JsonNode a : summary.get("agents")) {
      if (a.get("id").asText().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no agent " + id);
  }

  private static long single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }
}
