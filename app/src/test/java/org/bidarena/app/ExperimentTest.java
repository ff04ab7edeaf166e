package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bidarena.analysis.experiment.AgentMetric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tiny experiment of three arms on two seeds, played by child JVMs as a user would: arm {@code a}, an arm
 * {@code same} identical to it, and an arm {@code b} whose auctions are first-price.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentTest {
  private static final String TINY = "time { days = 1, ticks-per-day = 8 }\ncustomers { count = 400, shards = 2 }\n";
  private static final List<Long> SEEDS = List.of(5L, 6L);

  @TempDir static Path temp;
  private Path dir;
  private Runs.Output first;
  private String firstCsv;

  @BeforeAll
  void playTheExperiment() throws IOException {
    Path a = Files.writeString(temp.resolve("a.conf"), TINY);
    Path same = Files.writeString(temp.resolve("same.conf"), TINY);
    Path b = Files.writeString(temp.resolve("b.conf"), TINY + "auction.type = first-price\n");
    dir = temp.resolve("exp");
    first = Runs.capture("experiment", a.toString(), same.toString(), b.toString(), "--seeds", "2", "--first-seed", "5",
        "--metric", "profit,clicks,roas,spend", "--out", dir.toString());
    assertThat(first.exitCode()).as("exit code; errors: %s", first.err()).isZero();
    firstCsv = Files.readString(dir.resolve("experiment.csv"));
  }

  @Test
  @Order(1)
  void everyArmShouldPlayTheSameSeedsInItsOwnRunFolder() throws IOException {
    for (String arm : List.of("a", "same", "b")) {
      for (long seed : SEEDS) {
        JsonNode summary = Runs.summary(runDir(arm, seed));
        assertThat(summary.get("seed").asLong()).as("%s seed %d", arm, seed).isEqualTo(seed);
        assertThat(Files.readString(runDir(arm, seed).resolve("run.json"))).contains("\"status\": \"complete\"");
      }
    }
    // An identical arm is the same run, bit for bit; another seed or another strategy is not.
    assertThat(digest("same", 5)).isEqualTo(digest("a", 5));
    assertThat(digest("same", 6)).isEqualTo(digest("a", 6));
    assertThat(digest("a", 6)).isNotEqualTo(digest("a", 5));
    assertThat(digest("b", 5)).isNotEqualTo(digest("a", 5));
    assertThat(Files.readString(runDir("b", 5).resolve("scenario.conf"))).contains("first-price");
    assertThat(Files.readString(runDir("a", 5).resolve("scenario.conf"))).doesNotContain("first-price");
    assertThat(first.out()).contains("[6/6]");
  }

  @Test
  @Order(2)
  void csvMeansShouldBeTheMeansOfTheRunsSummaries() throws IOException {
    List<Map<String, String>> rows = csv(dir.resolve("experiment.csv"));
    assertThat(rows).hasSize(2 * 6 * 4);
    int checked = 0;
    for (Map<String, String> row : rows) {
      if (!row.get("pairs").equals("2")) {
        continue; // a ratio undefined in a run (no spend) leaves fewer pairs and no mean
      }
      String key = AgentMetric.find(row.get("metric")).key();
      double divisor = key.endsWith("Micros") ? 1e6 : 1;
      double meanA = meanOf(row.get("arm_a"), row.get("agent"), key) / divisor;
      double meanB = meanOf(row.get("arm_b"), row.get("agent"), key) / divisor;
      assertThat(Double.parseDouble(row.get("mean_a"))).as("%s", row).isCloseTo(meanA, within(1e-9));
      assertThat(Double.parseDouble(row.get("mean_b"))).as("%s", row).isCloseTo(meanB, within(1e-9));
      assertThat(Double.parseDouble(row.get("diff_b_minus_a"))).isCloseTo(meanB - meanA, within(1e-9));
      double low = Double.parseDouble(row.get("bootstrap_low"));
      double high = Double.parseDouble(row.get("bootstrap_high"));
      assertThat(low).isLessThanOrEqualTo(meanB - meanA + 1e-9);
      assertThat(high).isGreaterThanOrEqualTo(meanB - meanA - 1e-9);
      checked++;
    }
    assertThat(checked).isGreaterThan(20);
    // Paying the first price changes what the aggressive agent spends.
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.get("arm_b")).isEqualTo("b");
      assertThat(r.get("agent")).isEqualTo("aggressive");
      assertThat(r.get("metric")).isEqualTo("spend");
      assertThat(Double.parseDouble(r.get("diff_b_minus_a"))).isNotZero();
    });
  }

  @Test
  @Order(3)
  void anArmIdenticalToTheBaselineShouldShowNoDifference() throws IOException {
    List<Map<String, String>> same = csv(dir.resolve("experiment.csv")).stream()
        .filter(r -> r.get("arm_b").equals("same") && r.get("pairs").equals("2")).toList();
    assertThat(same).isNotEmpty();
    for (Map<String, String> r : same) {
      assertThat(Double.parseDouble(r.get("diff_b_minus_a"))).as("%s", r).isZero();
      assertThat(Double.parseDouble(r.get("bootstrap_low"))).isZero();
      assertThat(Double.parseDouble(r.get("bootstrap_high"))).isZero();
      assertThat(r.get("verdict")).isEqualTo("no difference at 95%");
    }
    assertThat(first.out()).contains("B = same  vs  A = a").contains("B = b  vs  A = a");
  }

  @Test
  @Order(4)
  void summaryJsonShouldHaveExactlyTheMetricsTheExperimentKnows() throws IOException {
    JsonNode agent = Runs.summary(runDir("a", 5)).get("agents").get(0);
    List<String> numeric = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = agent.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!f.getValue().isTextual() && !f.getKey().equals("dailyBudgetMicros")) {
        numeric.add(f.getKey());
      }
    }
    assertThat(AgentMetric.ALL.stream().map(AgentMetric::key).toList()).isEqualTo(numeric);
  }

  @Test
  @Order(5)
  void theChartShouldBeSelfContained() throws IOException {
    String html = Files.readString(dir.resolve("experiment.html"));
    assertThat(html).contains("<svg").contains("profit").contains("adaptive  (b vs a)");
    assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=").doesNotContain("https:");
  }

  @Test
  @Order(6)
  void badInputShouldGetOneLineAndTouchNothing() throws IOException {
    Path a = temp.resolve("a.conf");
    Path out = temp.resolve("never-made");
    String o = out.toString();
    assertBad(List.of("seeds", "at least 2"), "experiment", a.toString(), a.toString(), "--seeds", "1", "--out", o);
    assertBad(List.of("--metric", "profitt", "incrementalRoas"), "experiment", a.toString(), a.toString(), "--metric",
        "profitt", "--out", o);
    assertBad(List.of("missing.conf", "does not exist"), "experiment", a.toString(), temp.resolve("missing.conf").toString(),
        "--out", o);
    assertBad(List.of("two scenario files"), "experiment", a.toString(), "--out", o);
    assertBad(List.of("--agent nobody", "adaptive"), "experiment", a.toString(), "--agent", "nobody", "--strategies",
        "fixed,random", "--out", o);
    assertBad(List.of("greedy"), "experiment", a.toString(), "--agent", "adaptive", "--strategies", "fixed,greedy",
        "--out", o);
    assertBad(List.of("--agent and --strategies go together"), "experiment", "--strategies", "fixed,random", "--out", o);
    assertBad(List.of("at least two strategies"), "experiment", "--agent", "adaptive", "--strategies", "fixed", "--out", o);
    assertBad(List.of("--parallel"), "experiment", a.toString(), a.toString(), "--parallel", "0", "--out", o);
    assertBad(List.of("not an experiment folder"), "experiment", "--resume", o);
    assertThat(out).doesNotExist();
    // An experiment's folder is never overwritten.
    String plan = Files.readString(dir.resolve("experiment.json"));
    assertBad(List.of("already holds an experiment", "--resume"), "experiment", a.toString(), a.toString(), "--out",
        dir.toString());
    assertThat(Files.readString(dir.resolve("experiment.json"))).isEqualTo(plan);
    assertThat(Files.readString(dir.resolve("experiment.csv"))).isEqualTo(firstCsv);
  }

  @Test
  @Order(7)
  void resumeShouldKeepFinishedRunsAndGiveTheSameResults() throws IOException {
    // given an experiment that lost one run's folder and its results
    deleteTree(runDir("b", 6));
    Files.delete(dir.resolve("experiment.csv"));
    // when it is resumed
    Runs.Output resumed = Runs.capture("experiment", "--resume", dir.toString());
    // then only the missing run is played, and the results are the same bytes
    assertThat(resumed.exitCode()).as("errors: %s", resumed.err()).isZero();
    assertThat(resumed.out()).contains("5 of 6 runs are finished already and kept").contains("[6/6] b seed 6");
    assertThat(Files.readString(dir.resolve("experiment.csv"))).isEqualTo(firstCsv);
  }

  private Path runDir(String arm, long seed) {
    return dir.resolve("runs").resolve(arm).resolve("seed-" + seed);
  }

  private String digest(String arm, long seed) throws IOException {
    return Runs.summary(runDir(arm, seed)).get("digest").asText();
  }

  private double meanOf(String arm, String agent, String key) throws IOException {
    double sum = 0;
    for (long seed : SEEDS) {
      for (JsonNode a : Runs.summary(runDir(arm, seed)).get("agents")) {
        if (a.get("id").asText().equals(agent)) {
          sum += a.get(key).asDouble();
        }
      }
    }
    return sum / SEEDS.size();
  }

  private static List<Map<String, String>> csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String[] header = lines.get(0).split(",");
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  private static void assertBad(List<String> mentions, String... args) {
    Runs.Output result = Runs.capture(args);
    assertThat(result.exitCode()).as("exit code of %s: %s", List.of(args), result.err()).isEqualTo(2);
    String line = result.err().strip();
    assertThat(line).as("one line").doesNotContain("\n").startsWith("error: ");
    for (String m : mentions) {
      assertThat(line).contains(m);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
