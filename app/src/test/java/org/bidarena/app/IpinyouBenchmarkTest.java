package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.exchange.AuctionsCleared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Done-when facts of the iPinYou benchmark, on the real log. The data is never in the repository: the
 * test finds it through $BIDARENA_IPINYOU_DIR or ../shared/data/ipinyou-2997, and skips when it is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpinyouBenchmarkTest {
  private static final int N = 1000;
  private static final String[] C0 = {"1/32", "1/16", "1/8", "1/4", "1/2"};

  @TempDir static Path tmp;
  private Path data;
  private Path smallRun;
  private Map<String, long[]> small;

  @BeforeAll
  void runTheBenchmarkAtOneThirtySecond() throws Exception {
    Optional<Path> found = IpinyouLocator.find();
    assumeTrue(found.isPresent() && Files.isRegularFile(found.get().resolve("test.theta.txt")),
        "skipped: no iPinYou data (set " + IpinyouLocator.ENV + " or put it in ../shared/data/ipinyou-2997)");
    data = found.get();
    smallRun = tmp.resolve("c0-1-32");
    Runs.Result result = Runs.bidarena("benchmark", "ipinyou", "--data", data.toString(), "--c0", "1/32",
        "--out", smallRun.toString());
    assertThat(result.exitCode()).as("errors: %s", result.err()).isZero();
    small = readCsv(smallRun.resolve("benchmark.csv"));
  }

  /** algorithm@c0 -> {auctions, impressions, clicks, cost}. */
  private static Map<String, long[]> readCsv(Path csv) throws Exception {
    Map<String, long[]> rows = new HashMap<>();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo(BenchmarkRow.CSV_HEADER.strip());
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.put(f[0] + "@" + f[1], new long[] {
          Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8])});
    }
    return rows;
  }

  /** Lin by the letter of the data's README, in a plain loop over the file: {auctions, impressions, clicks, cost}. */
  private long[] linByHand(double c0, int b0) throws Exception {
    String info = Files.readString(data.resolve("info.json"));
    long imp = jsonLong(info, "imp_train");
    long clk = jsonLong(info, "clk_train");
    long cost = jsonLong(info, "cost_train");
    double thetaAvg = (double) clk / imp;
    long budget = (long) Math.floor((double) cost / imp * c0 * N);
    long[] out = new long[4];
    long left = 0;
    try (BufferedReader in = Files.newBufferedReader(data.resolve("test.theta.txt"))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (out[0] % N == 0) {
          left = budget;
        }
        String[] f = line.trim().split(" ");
        int click = Integer.parseInt(f[0]);
        int price = Integer.parseInt(f[1]);
        double pctr = Double.parseDouble(f[2]);
        long a = Math.min((long) Math.floor(pctr * b0 / thetaAvg), 300);
        a = Math.min(a, left);
        out[0]++;
        if (a >= price) {
          left -= price;
          out[1]++;
          out[2] += click;
          out[3] += price;
        }
      }
    }
    return out;
  }

  private static long jsonLong(String json, String key) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(json);
    assertThat(m.find()).as(key).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void linShouldBeAnExactConsequenceOfTheDataAndB0() throws Exception {
    // given b0 = 10 for c0 = 1/32 in lin-bid-b0.json
    assertThat(Files.readString(data.resolve("lin-bid-b0.json"))).contains("\"0.03125\": 10");
    // when / then
    long[] expected = linByHand(1.0 / 32, 10);
    assertThat(small.get("lin@1/32")).containsExactly(expected);
    // and, as measured once by hand, so that a change of the log or the loop above shows too
    assertThat(expected).containsExactly(156_063, 32_208, 71, 203_610);
  }

  @Test
  void linShouldBeatConstAndRandAndRlbShouldBeatLinAtOneThirtySecond() {
    long lin = small.get("lin@1/32")[2];
    assertThat(lin).isGreaterThan(small.get("const@1/32")[2]).isGreaterThan(small.get("rand@1/32")[2]);
    assertThat(small.get("rlb@1/32")[2]).isGreaterThanOrEqualTo(lin);
  }

  @Test
  void rlbShouldGetAtLeastLinsClicksAtEveryBudgetRatio() throws Exception {
    // when
    Path run = tmp.resolve("lin-rlb");
    Runs.Result result = Runs.bidarena("benchmark", "ipinyou", "--data", data.toString(), "--algos", "lin,rlb",
        "--out", run.toString());
    // then
    assertThat(result.exitCode()).as("errors: %s", result.err()).isZero();
    Map<String, long[]> rows = readCsv(run.resolve("benchmark.csv"));
    for (String c0 : C0) {
      assertThat(rows.get("rlb@" + c0)[2]).as("clicks at c0=%s", c0).isGreaterThanOrEqualTo(rows.get("lin@" + c0)[2]);
    }
  }

  @Test
  void theRunFolderShouldReplayToTheSameFigures() throws Exception {
    // given
    JsonNode summary = Runs.summary(smallRun);
    // when: the journal read back, through Persistence Query
    ReplayedRunReader.Contents contents;
    ActorSystem<Void> system = LocalNode.start(JournalSettings.h2(smallRun));
    try {
      contents = ReplayedRunReader.read(system);
      // the app's JournalReader, which reads simulated runs, gives the same digest
      assertThat(JournalReader.read(system, IpinyouBenchmark.scenario(5, 157, 1)).summary().digest())
          .isEqualTo(summary.get("digest").asText());
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }
    // then: each partition holds one row's figures, and the digest is the one printed
    assertThat(contents.digest()).isEqualTo(summary.get("digest").asText());
    assertThat(contents.byPartition()).hasSize(5);
    for (JsonNode row : summary.get("rows")) {
      long[] csv = small.get(row.get("algorithm").asText() + "@" + row.get("c0").asText());
      assertThat(row.get("clicks").asLong()).isEqualTo(csv[2]);
    }
    for (ReplayedRunReader.Totals t : contents.byPartition().values()) {
      long[] row = small.get(t.agent());
      assertThat(new long[] {t.auctions(), t.impressions(), t.clicks(), t.costMicros() / 10}).containsExactly(row);
      assertThat(t.episodes()).isEqualTo(157);
    }
  }

  @Test
  void everyJournaledAuctionShouldFollowTheProtocol() throws Exception {
    // given the budget per episode, B = floor(cost_train / imp_train / 32 * N), in micros
    String info = Files.readString(data.resolve("info.json"));
    long budgetMicros = 10 * (long) Math.floor(
        (double) jsonLong(info, "cost_train") / jsonLong(info, "imp_train") * (1.0 / 32) * N);
    // when
    List<Object> events = Runs.journalEvents(smallRun);
    // then
    int episodes = 0;
    for (Object e : events) {
      if (!(e instanceof AuctionsCleared a)) {
        continue;
      }
      episodes++;
      assertThat(a.replayed()).isTrue();
      assertThat(a.agents().get(1)).isEqualTo("market");
      long spent = 0;
      for (int i = 0; i < a.auctions(); i++) {
        long bid = a.bids()[0][i];
        long market = a.bids()[1][i];
        assertThat(a.pricesMicros()[i]).isEqualTo(market);
        assertThat(a.winners()[i]).isEqualTo(bid >= market ? 0 : 1);
        assertThat(bid).isLessThanOrEqualTo(budgetMicros - spent).isLessThanOrEqualTo(3000);
        if (a.winners()[i] == 0) {
          spent += market;
        }
      }
      assertThat(a.customers()[0]).isEqualTo((int) a.tick() * N);
    }
    assertThat(episodes).isEqualTo(5 * 157);
  }

  @Test
  void theSameSeedShouldGiveTheSameJournal() throws Exception {
    Path a = tmp.resolve("rand-a");
    Path b = tmp.resolve("rand-b");
    for (Path p : List.of(a, b)) {
      assertThat(Runs.bidarena("benchmark", "ipinyou", "--data", data.toString(), "--c0", "1/32", "--algos", "rand",
          "--out", p.toString()).exitCode()).isZero();
    }
    assertThat(Runs.summary(a).get("digest").asText()).isEqualTo(Runs.summary(b).get("digest").asText());
  }
}
