package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code benchmark ipinyou}: one line, exit code 2, no run folder. Synthetic data only. */
class BenchmarkBadInputTest {
  @TempDir Path tmp;

  private Path data(String log) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(dir.resolve("test.theta.txt"), log);
    Files.writeString(dir.resolve("info.json"), "{\"imp_train\": 1000, \"clk_train\": 4, \"cost_train\": 64000,"
        + " \"price_counter_train\": [" + String.join(",", Collections.nCopies(301, "1")) + "]}");
    Files.writeString(dir.resolve("lin-bid-b0.json"), "{\"b0_by_c0\": {\"0.03125\": 10}}");
    return dir;
  }

  private void assertRefused(String expected, String... args) {
    Path out = tmp.resolve("out");
    String[] all = new String[args.length + 4];
    all[0] = "benchmark";
    all[1] = "ipinyou";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "--out";
    all[args.length + 3] = out.toString();
    Runs.Result result = Runs.bidarena(all);
    assertThat(result.exitCode()).as(result.err()).isEqualTo(BidArena.BAD_INPUT);
    assertThat(result.err().strip()).startsWith("error: ").contains(expected).doesNotContain("\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void aMissingDataFolderShouldBeRefused() {
    assertRefused("does not exist", "--data", tmp.resolve("nowhere").toString());
  }

  @Test
  void aMalformedLineShouldBeRefusedWithItsNumber() throws IOException {
    assertRefused("line 3:", "--data", data("0 70 0.0021\n1 6 0.0033\n0 7 zero\n0 8 0.1\n").toString(), "--c0", "1/32");
  }

  @Test
  void anUnknownAlgorithmShouldBeRefused() throws IOException {
    assertRefused("unknown algorithm 'ortb', allowed: const, rand, mcpc, lin, rlb",
        "--data", data("0 70 0.0021\n").toString(), "--algos", "lin,ortb");
  }

  @Test
  void aBudgetRatioOutsideZeroToOneShouldBeRefused() throws IOException {
    Path dir = data("0 70 0.0021\n");
    assertRefused("--c0 0 is outside (0, 1]", "--data", dir.toString(), "--c0", "0");
    assertRefused("--c0 3/2 is outside (0, 1]", "--data", dir.toString(), "--c0", "1/32,3/2");
    assertRefused("--c0 -0.5 is outside (0, 1]", "--data", dir.toString(), "--c0=-0.5");
    assertRefused("not a number", "--data", dir.toString(), "--c0", "half");
  }

  @Test
  void linWithoutABaseBidForTheRatioShouldBeRefused() throws IOException {
    assertRefused("lin needs a b0 for c0=1/4", "--data", data("0 70 0.0021\n").toString(), "--c0", "1/4");
  }

  @Test
  void anRlbValueFunctionTooLargeForTheJvmShouldBeRefusedBeforeItIsComputed() throws IOException {
    assertRefused("needs", "--data", data("0 70 0.0021\n").toString(), "--algos", "rlb", "--c0", "1",
        "--episode", "100000");
  }

  @Test
  void aSyntheticLogShouldRunEndToEnd() throws IOException {
    // given two episodes of 3 auctions, a budget of floor(64 * 1/32 * 3) = 6 per episode
    Path dir = data("1 5 0.004\n0 4 0.004\n1 1 0.5\n1 2 0.004\n0 0 0.0\n1 7 0.004\n");
    Path out = tmp.resolve("run");
    // when
    Runs.Result result = Runs.bidarena("benchmark", "ipinyou", "--data", dir.toString(), "--c0", "1/32",
        "--algos", "lin", "--episode", "3", "--out", out.toString());
    // then: Lin bids floor(pCTR * 10 / 0.004): 10, 10, 300 capped to the budget left
    // episode 1: win 5 (1 left), bid 1 < 4, bid min(1250, 1) = 1 >= 1 wins: 2 impressions, 2 clicks, cost 6
    // episode 2: win 2 (4 left), bid 0 >= 0 wins, bid min(10, 4) < 7: 2 impressions, 1 click, cost 2
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("benchmark.csv")).get(1)).startsWith("lin,1/32,b0=10,6,3,6,4,3,8,");
  }

  @Test
  void anEmptyAlgorithmListShouldBeRefused() throws IOException {
    assertRefused("--algos", "--data", data("0 70 0.0021\n").toString(), "--algos", ",");
  }

  @Test
  void aBudgetRatioGivenTwiceShouldBeRefused() throws IOException {
    Path dir = data("0 70 0.0021\n");
    assertRefused("--c0 1/32 is given twice", "--data", dir.toString(), "--c0", "1/32,1/32");
    assertRefused("--c0 0.03125 is given twice", "--data", dir.toString(), "--c0", "1/32,0.03125");
  }

  @Test
  void aBlankLineInsideTheLogShouldBeRefusedWithItsNumber() throws IOException {
    assertRefused("line 2: a blank line", "--data", data("0 70 0.0021\n\n1 6 0.0033\n").toString(), "--c0", "1/32");
  }

  @Test
  void aLogWithAUtf8ByteOrderMarkShouldReadAsWithout() throws IOException {
    // given the same log, once with a byte order mark and blank lines at its end
    String log = "1 5 0.004\n0 4 0.004\n1 1 0.5\n";
    Path plain = tmp.resolve("plain");
    Path marked = tmp.resolve("marked");
    Runs.Result a = Runs.bidarena("benchmark", "ipinyou", "--data", data(log).toString(), "--c0", "1/32",
        "--algos", "lin", "--episode", "3", "--out", plain.toString());
    Files.writeString(tmp.resolve("data/test.theta.txt"), "\uFEFF" + log + "\n\n");
    Runs.Result b = Runs.bidarena("benchmark", "ipinyou", "--data", tmp.resolve("data").toString(), "--c0", "1/32",
        "--algos", "lin", "--episode", "3", "--out", marked.toString());
    // then
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(Files.readString(marked.resolve("benchmark.csv"))).isEqualTo(Files.readString(plain.resolve("benchmark.csv")));
  }

  @Test
  void aLogThatIsNotTextShouldBeRefusedWithItsLine() throws IOException {
    Path dir = data("0 70 0.0021\n");
    Files.write(dir.resolve("test.theta.txt"), new byte[] {'0', ' ', '7', ' ', '0', '\n', (byte) 0xff, '\n'});
    assertRefused("line 2", "--data", dir.toString(), "--c0", "1/32");
  }
}
