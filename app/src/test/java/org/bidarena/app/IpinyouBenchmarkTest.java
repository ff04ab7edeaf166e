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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkRow;
import org.bidarena.analysis.ipinyou.ReplayedRunReader;
import org.bidarena.analysis.journal.JournalReader;
import org.bidarena.app.ipinyou.IpinyouBenchmark;
import org.bidarena.app.ipinyou.IpinyouLocator;
import org.bidarena.app.node.LocalNode;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.random.SeededStreams;
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
    assertThat(lines.get(0)).isEqualTo(IpinyouBenchmarkRow.CSV_HEADER.strip());
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.put(f[0] + "@" + f[1], new long[] {
          Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8])});
    }
    return rows;
  }

  /** A bid per log line: its 0-based row and its pCTR. */
  private interface RowBid {
    long bid(long row, double pctr);
  }

  /**
   * An algorithm by the letter of the data's README, in a plain loop over the file: {auctions, impressions,
   * clicks, cost}. The bid is capped at 300 and at the budget left; the budget resets every N lines.
   */
  private long[] byHand(double c0, RowBid policy) throws Exception {
    long budget = budget(c0);
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
        long a = Math.min(Math.min(policy.bid(out[0], pctr), 300), left);
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

  /** B = floor(cost_train / imp_train * c0 * N), in that order. */
  private long budget(double c0) throws Exception {
    String info = Files.readString(data.resolve("info.json"));
    return (long) Math.floor((double) jsonLong(info, "cost_train") / jsonLong(info, "imp_train") * c0 * N);
  }

  private double thetaAvg() throws Exception {
    String info = Files.readString(data.resolve("info.json"));
    return (double) jsonLong(info, "clk_train") / jsonLong(info, "imp_train");
  }

  /** Lin: a = min(floor(pCTR * b0 / theta_avg), 300). */
  private long[] linByHand(double c0, int b0) throws Exception {
    double thetaAvg = thetaAvg();
    return byHand(c0, (row, pctr) -> (long) Math.floor(pctr * b0 / thetaAvg));
  }

  /** The training market-price histogram of info.json, as probabilities m(0..300). */
  private double[] trainingPrices() throws Exception {
    Matcher m = Pattern.compile("\"price_counter_train\"\\s*:\\s*\\[([^\\]]*)]")
        .matcher(Files.readString(data.resolve("info.json")));
    assertThat(m.find()).isTrue();
    String[] counts = m.group(1).split(",");
    double total = 0;
    for (String c : counts) {
      total += Long.parseLong(c.trim());
    }
    double[] p = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      p[i] = Long.parseLong(counts[i].trim()) / total;
    }
    return p;
  }

  /**
   * Expected impressions per episode on the training histogram of bidding uniformly over {@code bids}:
   * win rate w and cost per auction c averaged over them, and the budget lasts B / c auctions of N.
   */
  private static double expectedImpressions(double[] m, int fromBid, int toBid, long budget) {
    double w = 0;
    double c = 0;
    for (int a = fromBid; a <= toBid; a++) {
      double winRate = 0;
      double cost = 0;
      for (int d = 0; d <= a && d < m.length; d++) {
        winRate += m[d];
        cost += m[d] * d;
      }
      w += winRate;
      c += cost;
    }
    int k = toBid - fromBid + 1;
    w /= k;
    c /= k;
    return w <= 0 ? 0 : c <= 0 ? w * N : w * Math.min(N, budget / c);
  }

  private static long jsonLong(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(json);
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
  void constAndRandShouldBeTunedOnTheTrainingHistogramOnlyAndReplayedExactly() throws Exception {
    // given the training histogram and B at c0 = 1/32; the test log's clicks play no part in the tuning
    double[] m = trainingPrices();
    long budget = budget(1.0 / 32);
    int constBid = 0;
    int randMax = 0;
    for (int a = 1; a <= 300; a++) {
      if (expectedImpressions(m, a, a, budget) > expectedImpressions(m, constBid, constBid, budget)) {
        constBid = a;
      }
      if (expectedImpressions(m, 0, a, budget) > expectedImpressions(m, 0, randMax, budget)) {
        randMax = a;
      }
    }
    int bid = constBid;
    int max = randMax;
    SeededStreams streams = new SeededStreams(1);
    // when
    long[] constant = byHand(1.0 / 32, (row, pctr) -> bid);
    long[] random = byHand(1.0 / 32, (row, pctr) -> SeededStreams.below(
        streams.bits(org.bidarena.agents.RandomStrategy.RANDOM_BID, row), max + 1));
    // then
    assertThat(Files.readString(smallRun.resolve("benchmark.csv")))
        .contains("const,1/32,bid=" + constBid + ",").contains("rand,1/32,max=" + randMax + ",");
    assertThat(small.get("const@1/32")).containsExactly(constant);
    assertThat(small.get("rand@1/32")).containsExactly(random);
  }

  /**
   * What the data supports at c0 = 1/32: Lin gets at least the clicks of Const and Rand, but no clear lead.
   * The budget (about 2 fen per auction against a training CPM of 63) buys only the cheapest impressions,
   * and among them pCTR hardly ranks the clicks: Const bidding Lin's own b0, which is Lin with every pCTR
   * replaced by theta_avg, gets at least as many clicks as Lin. See the README's iPinYou section.
   */
  @Test
  void linShouldGetAtLeastConstsAndRandsClicksAtOneThirtySecondWhilePctrAddsNoClearLead() throws Exception {
    long lin = small.get("lin@1/32")[2];
    assertThat(lin).isGreaterThanOrEqualTo(small.get("const@1/32")[2])
        .isGreaterThanOrEqualTo(small.get("rand@1/32")[2]);
    assertThat(small.get("rlb@1/32")[2]).isGreaterThanOrEqualTo(lin);
    // Lin without its pCTR: bid b0 = 10 on every auction
    long[] linWithoutPctr = byHand(1.0 / 32, (row, pctr) -> 10);
    assertThat(linWithoutPctr[2]).isGreaterThanOrEqualTo(lin);
  }

  @Test
  void linWithTheAuthorsDemoB0ShouldGiveTheirPublishedRow() throws Exception {
    // The code release of the RLB paper prints, for campaign 2997 at c0 = 1/32 and T = 1000, Lin with
    // 156,063 auctions, 26,743 impressions, 63 clicks and a cost of 163,300: b0 = 8 on this log.
    assertThat(linByHand(1.0 / 32, 8)).containsExactly(156_063, 26_743, 63, 163_300);
    // and Mcpc's row there (14,752 impressions, 48 clicks, cost 307,751) is ours
    assertThat(small.get("mcpc@1/32")).containsExactly(156_063, 14_752, 48, 307_751);
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
  void replayOfTheRunFolderShouldGiveTheSameTable() throws Exception {
    // when
    Runs.Output replay = Runs.capture("replay", smallRun.toString());
    // then
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(Files.readString(smallRun.resolve("replay-benchmark.csv")))
        .isEqualTo(Files.readString(smallRun.resolve("benchmark.csv")));
    assertThat(Files.readString(smallRun.resolve("replay-summary.json")))
        .isEqualTo(Files.readString(smallRun.resolve("summary.json")));
  }

  @Test
  void theJournalShouldHoldTheSameFigures() throws Exception {
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
        long bid = a.bid(0, i);
        long market = a.bid(1, i);
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
