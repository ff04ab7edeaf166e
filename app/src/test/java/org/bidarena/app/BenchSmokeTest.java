package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A short run of {@code bench} for correctness only: it measures nothing that a test could time. */
class BenchSmokeTest {
  @Test
  void benchCompletesAndTheDigestsOfTheSimulatorWithAndWithoutJournalAgree() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    Runs.Result result;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      result = Runs.bidarena("bench", "--customers", "3000", "--ticks", "12", "--repeat", "1");
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(result.exitCode()).as("%s%n%s", printed, result.err()).isZero();
    Matcher b = Pattern.compile("digest \\(b\\): ([0-9a-f]{64})").matcher(printed);
    Matcher c = Pattern.compile("digest \\(c\\): ([0-9a-f]{64})").matcher(printed);
    assertThat(b.find()).as(printed).isTrue();
    assertThat(c.find()).as(printed).isTrue();
    assertThat(b.group(1)).isEqualTo(c.group(1));
    assertThat(printed).contains("(a) reference loop", "(b) simulator, no journal", "(c) simulator, H2 journal",
        "bytes per customer", "reach the same totals");
  }
}
