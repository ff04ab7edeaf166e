package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets one clear line and exit code 2, and nothing is created or overwritten. */
class BadInputTest {
  private static final String[] TINY = {
    "--set", "customers.count=100", "--set", "time.days=1", "--set", "time.ticks-per-day=4"
  };

  static Stream<Arguments> badOverrides() {
    return Stream.of(
        Arguments.of("customers.cout=5", List.of("customers.cout", "unknown")),
        Arguments.of("time.days=seven", List.of("time.days", "seven")),
        Arguments.of("customers.count=-5", List.of("customers.count", "-5")),
        Arguments.of("auction.type=third-price", List.of("auction.type", "third-price", "first-price")),
        Arguments.of("agents.aggressive.strategy=greedy", List.of("agents.aggressive.strategy", "greedy")),
        Arguments.of("reporting.margin=1.3", List.of("reporting.margin", "1.3", "0 to 1")),
        Arguments.of("reporting.margin=thirty", List.of("reporting.margin", "thirty")),
        Arguments.of("no-equals-sign", List.of("no-equals-sign")));
  }

  @ParameterizedTest
  @MethodSource("badOverrides")
  void badSetGivesOneLineNamingKeyAndValueAndCreatesNoFolder(String override, List<String> mentions, @TempDir Path temp) {
    Path out = temp.resolve("never-made");
    Runs.Result result = Runs.bidarena("run", "--out", out.toString(), "--set", override);
    assertThat(result.exitCode()).isEqualTo(2);
    assertOneLine(result.err(), mentions);
    assertThat(out).doesNotExist();
  }

  @Test
  void badScenarioFileNamesTheKey(@TempDir Path temp) throws IOException {
    Path file = temp.resolve("bad.conf");
    Files.writeString(file, "auction { tyep = first-price }\n");
    Path out = temp.resolve("never-made");
    Runs.Result result = Runs.bidarena("run", file.toString(), "--out", out.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertOneLine(result.err(), List.of("auction.tyep"));
    assertThat(out).doesNotExist();
  }

  @Test
  void badInputWithoutOutCreatesNothingUnderRuns() throws IOException {
    Path runs = Path.of("runs");
    List<Path> before = listing(runs);
    Runs.Result result = Runs.bidarena("run", "--set", "customers.count=0");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(listing(runs)).isEqualTo(before);
  }

  @Test
  void missingScenarioFileIsRefused(@TempDir Path temp) {
    Runs.Result result = Runs.bidarena("run", temp.resolve("nope.conf").toString(), "--out", temp.resolve("o").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertOneLine(result.err(), List.of("nope.conf"));
  }

  @Test
  void runIntoAFolderThatHoldsARunIsRefusedAndLeavesItUntouched(@TempDir Path temp) throws Exception {
    Path dir = temp.resolve("run");
    Runs.run(dir, "customers.count=100", "time.days=1", "time.ticks-per-day=4");
    String summary = Files.readString(dir.resolve("summary.json"));
    long journalSize = Files.size(dir.resolve("journal/bidarena.mv.db"));

    Runs.Result again = Runs.bidarena(concat(new String[] {"run", "--out", dir.toString()}, TINY));

    assertThat(again.exitCode()).isEqualTo(2);
    assertOneLine(again.err(), List.of(dir.toString(), "already holds a run"));
    assertThat(Files.readString(dir.resolve("summary.json"))).isEqualTo(summary);
    assertThat(Files.size(dir.resolve("journal/bidarena.mv.db"))).isEqualTo(journalSize);
  }

  @Test
  void resumeOfAFolderThatIsNotARunIsRefused(@TempDir Path temp) throws IOException {
    Path empty = Files.createDirectory(temp.resolve("empty"));
    Runs.Result result = Runs.bidarena("resume", empty.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertOneLine(result.err(), List.of("not a run folder"));
    assertThat(Files.list(empty)).isEmpty();

    Runs.Result missing = Runs.bidarena("resume", temp.resolve("missing").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertOneLine(missing.err(), List.of("not a run folder"));
  }

  @Test
  void resumeRefusesAScenarioChangedAfterTheRunStarted(@TempDir Path temp) throws Exception {
    Path dir = temp.resolve("run");
    Runs.run(dir, "customers.count=100", "time.days=1", "time.ticks-per-day=4");
    Path scenario = dir.resolve("scenario.conf");
    Files.writeString(scenario, Files.readString(scenario).replace("count = 100", "count = 101"));
    Runs.Result result = Runs.bidarena("resume", dir.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertOneLine(result.err(), List.of("scenario.conf", "changed"));
  }

  @Test
  void unknownOptionIsABadInput() {
    assertThat(Runs.bidarena("run", "--speed", "11").exitCode()).isEqualTo(2);
  }

  @Test
  void helpWorksOnEveryCommand() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"run", "--help"}, new String[] {"resume", "--help"})) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream original = System.out;
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int code;
      try {
        code = Runs.bidarena(args).exitCode();
      } finally {
        System.setOut(original);
      }
      assertThat(code).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:");
    }
  }

  private static void assertOneLine(String err, List<String> mentions) {
    String trimmed = err.strip();
    assertThat(trimmed).as("one line").doesNotContain("\n");
    assertThat(trimmed).startsWith("error: ");
    for (String m : mentions) {
      assertThat(trimmed).contains(m);
    }
  }

  private static List<Path> listing(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
