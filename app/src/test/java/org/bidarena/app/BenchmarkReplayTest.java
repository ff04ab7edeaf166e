package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark's run folder read back by replay, export and sql, on a synthetic log (no real data needed):
 * the journal alone gives the benchmark's table, and another run's journal is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarkReplayTest {
  private static final int LINES = 2_450;

  private Path temp;
  private Path data;
  private Path run;

  @BeforeAll
  void runASmallBenchmark(@TempDir Path temp) throws IOException {
    this.temp = temp;
    data = syntheticData(temp.resolve("data"));
    run = temp.resolve("run");
    benchmark(run, "1");
  }

  /**
   * A log whose market prices, clicks and pCTRs are drawn from a seeded generator, so the figures are not
   * trivial: about one auction in 30 is clicked, with pCTR higher on the clicked ones, and prices 0..300.
   */
  private static Path syntheticData(Path dir) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(42);
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      int price = Math.min(300, (int) (random.nextDouble() * random.nextDouble() * 200));
      int click = random.nextInt(30) == 0 ? 1 : 0;
      double pctr = 0.01 + 0.02 * random.nextDouble() + 0.03 * click * random.nextDouble();
      log.append(click).append(' ').append(price).append(' ').append(String.format(Locale.ROOT, "%.6f", pctr))
          .append('\n');
    }
    Files.writeString(dir.resolve("test.theta.txt"), log);
    StringJoiner histogram = new StringJoiner(",");
    for (int p = 0; p <= 300; p++) {
      histogram.add(String.valueOf(p < 200 ? 200 - p : 0));
    }
    Files.writeString(dir.resolve("info.json"), "{\"imp_train\": 10000, \"clk_train\": 300, \"cost_train\": 500000,"
        + " \"price_counter_train\": [" + histogram + "]}");
    Files.writeString(dir.resolve("lin-bid-b0.json"), "{\"b0_by_c0\": {\"0.125\": 30, \"0.5\": 80}}");
    return dir;
  }

  private void benchmark(Path out, String seed) {
    Runs.Result result = Runs.bidarena("benchmark", "ipinyou", "--data", data.toString(), "--c0", "1/8,1/2",
        "--algos", "lin,rand", "--episode", "100", "--seed", seed, "--out", out.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  /** agent -> {auctions, impressions, clicks, cost} from a benchmark CSV. */
  private static Map<String, long[]> figures(Path csv) throws IOException {
    Map<String, long[]> rows = new HashMap<>();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.put(f[0] + "@" + f[1], new long[] {
          Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8])});
    }
    return rows;
  }

  @Test
  void replayShouldGiveTheBenchmarksTableFromTheJournal() throws IOException {
    // given a benchmark whose rows are not trivial
    Map<String, long[]> benchmark = figures(run.resolve("benchmark.csv"));
    assertThat(benchmark).hasSize(4);
    for (long[] row : benchmark.values()) {
      assertThat(row[0]).isEqualTo(LINES);
      assertThat(row[1]).isBetween(1L, LINES - 1L);
      assertThat(row[2]).isPositive();
    }
    // when
    Runs.Output replay = Runs.capture("replay", run.toString());
    // then: the same CSV and summary, byte for byte, and the digest the benchmark recorded
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(Files.readString(run.resolve("replay-benchmark.csv")))
        .isEqualTo(Files.readString(run.resolve("benchmark.csv")));
    assertThat(Files.readString(run.resolve("replay-summary.json")))
        .isEqualTo(Files.readString(run.resolve("summary.json")));
    assertThat(replay.out()).contains("digest: " + Runs.summary(run).get("digest").asText())
        .contains(Files.readAllLines(run.resolve("benchmark.csv")).get(1).split(",")[2]);
  }

  @Test
  void exportAndSqlShouldGiveTheSameFiguresPerAuction() throws IOException {
    // when
    Runs.Result export = Runs.bidarena("export", run.toString(), "--format", "csv", "--to",
        temp.resolve("tables").toString());
    // then: one row per log line and algorithm, and the won rows add up to the benchmark's figures
    assertThat(export.exitCode()).as(export.err()).isZero();
    List<String> rows = Files.readAllLines(temp.resolve("tables/auctions.csv"));
    assertThat(rows.get(0)).isEqualTo("auction_id,episode,partition,agent,log_line,bid_micros,market_price_micros,"
        + "winner,price_micros,logged_click");
    assertThat(rows).hasSize(1 + 4 * LINES);
    Map<String, long[]> won = new HashMap<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      long[] t = won.computeIfAbsent(f[3], k -> new long[4]);
      t[0]++;
      if (f[7].equals(f[3])) {
        assertThat(Long.parseLong(f[5])).isGreaterThanOrEqualTo(Long.parseLong(f[6]));
        t[1]++;
        t[2] += f[9].equals("true") ? 1 : 0;
        t[3] += Long.parseLong(f[8]) / IpinyouBenchmarkRow.MICROS_PER_FEN;
      } else {
        assertThat(f[7]).isEqualTo("market");
        assertThat(Long.parseLong(f[5])).isLessThan(Long.parseLong(f[6]));
      }
    }
    Map<String, long[]> benchmark = figures(run.resolve("benchmark.csv"));
    assertThat(won.keySet()).isEqualTo(benchmark.keySet());
    won.forEach((agent, t) -> assertThat(t).as(agent).containsExactly(benchmark.get(agent)));
    // and sql reads the same table
    Runs.Output sql = Runs.capture("sql", run.toString(),
        "SELECT count(*) FILTER (WHERE winner = agent AND logged_click) AS c FROM auctions WHERE agent = 'lin@1/8'");
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    assertThat(sql.out()).contains(String.valueOf(benchmark.get("lin@1/8")[2]));
  }

  @Test
  void intervalsShouldPairTheJournaledEpisodesOfTwoAlgorithms() throws IOException {
    // when
    Runs.Output intervals = Runs.capture("benchmark", "intervals", run.toString(), "--pairs", "lin-rand");
    // then one line per c0, whose totals are the benchmark's clicks
    assertThat(intervals.exitCode()).as(intervals.err()).isZero();
    List<String> lines = Files.readAllLines(run.resolve("intervals.csv"));
    assertThat(lines).hasSize(3);
    Map<String, long[]> benchmark = figures(run.resolve("benchmark.csv"));
    // and the intervals are those of the paired per-episode clicks, recomputed here from the exported auctions
    Runs.Result export = Runs.bidarena("export", run.toString(), "--format", "csv", "--to",
        temp.resolve("interval-tables").toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    Map<String, double[]> clicks = new HashMap<>();
    List<String> rows = Files.readAllLines(temp.resolve("interval-tables/auctions.csv"));
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      if (f[7].equals(f[3]) && f[9].equals("true")) {
        clicks.computeIfAbsent(f[3], k -> new double[(LINES + 99) / 100])[Integer.parseInt(f[1])]++;
      }
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      String c0 = f[0];
      assertThat(f[1] + "-" + f[2]).isEqualTo("lin-rand");
      assertThat(Long.parseLong(f[4])).isEqualTo((LINES + 99) / 100);
      assertThat(Long.parseLong(f[5])).isEqualTo(benchmark.get("rand@" + c0)[2]);
      assertThat(Long.parseLong(f[6])).isEqualTo(benchmark.get("lin@" + c0)[2]);
      org.bidarena.analysis.stats.PairedComparison expected = org.bidarena.analysis.stats.PairedComparison.of(
          clicks.get("rand@" + c0), clicks.get("lin@" + c0), org.bidarena.analysis.stats.Bootstrap.defaults(),
          org.bidarena.analysis.stats.Verdict.Direction.HIGHER_IS_BETTER);
      int n = (LINES + 99) / 100;
      assertThat(Double.parseDouble(f[8])).isCloseTo(expected.bootstrap().low() * n, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(Double.parseDouble(f[9])).isCloseTo(expected.bootstrap().high() * n, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(Double.parseDouble(f[10])).isCloseTo(expected.t().low() * n, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(f[14]).isEqualTo(expected.verdict().label());
    }
    assertThat(intervals.out()).contains("lin - rand");
    // a pair the benchmark did not play is refused
    assertRefused("did not play both", "benchmark", "intervals", run.toString(), "--pairs", "rlb-lin");
  }

  @Test
  void aJournalOfAnotherBenchmarkShouldBeRefused() throws IOException {
    // given this run's run.json over the journal of a benchmark with another seed (so other Rand bids)
    Path other = temp.resolve("other-seed");
    benchmark(other, "7");
    Path mixed = temp.resolve("mixed");
    Files.createDirectories(mixed.resolve("journal"));
    Files.copy(run.resolve("run.json"), mixed.resolve("run.json"));
    Files.copy(other.resolve("journal/bidarena.mv.db"), mixed.resolve("journal/bidarena.mv.db"));
    // when / then
    assertRefused("belongs to another run", "replay", mixed.toString());
    assertRefused("belongs to another run", "export", mixed.toString());
    assertRefused("belongs to another run", "sql", mixed.toString(), "SELECT 1");
    assertThat(mixed.resolve("replay-benchmark.csv")).doesNotExist();
    assertThat(mixed.resolve("export")).doesNotExist();
  }

  @Test
  void anUnfinishedBenchmarkShouldBeRefused() throws IOException {
    // given a run.json still saying "running", as after a killed benchmark
    Path dir = temp.resolve("unfinished");
    Files.createDirectories(dir.resolve("journal"));
    Files.writeString(dir.resolve("run.json"),
        Files.readString(run.resolve("run.json")).replace("\"status\": \"complete\"", "\"status\": \"running\""));
    Files.copy(run.resolve("journal/bidarena.mv.db"), dir.resolve("journal/bidarena.mv.db"),
        StandardCopyOption.REPLACE_EXISTING);
    // when / then
    assertRefused("did not finish", "replay", dir.toString());
  }

  @Test
  void commandsForSimulatedRunsShouldRefuseABenchmarkByName() {
    assertRefused("holds a log-replay benchmark", "report", run.toString());
    assertRefused("holds a log-replay benchmark", "resume", run.toString());
    assertRefused("holds a log-replay benchmark", "whatif", run.toString(), "--agent", "lin@1/8", "--strategy",
        "fixed");
  }

  private static void assertRefused(String mention, String... args) {
    Runs.Result result = Runs.bidarena(args);
    String err = result.err().strip();
    assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), err).isEqualTo(BidArena.BAD_INPUT);
    assertThat(err).as(String.join(" ", args)).startsWith("error: ").doesNotContain("\n").contains(mention);
  }
}
