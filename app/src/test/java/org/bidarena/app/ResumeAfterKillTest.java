package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL mid-way is continued by {@code resume} to the uninterrupted result. */
class ResumeAfterKillTest {
  private static final String[] SCENARIO = {
    "customers.count=4000", "time.days=5", "journal.checkpoint-every-ticks=24"
  };
  @Test
  void resumeAfterKillEndsWithTheUninterruptedDigestAndSummary(@TempDir Path temp) throws Exception {
    // given a run in its own JVM, killed with SIGKILL once it is past a few checkpoints
    Path killed = temp.resolve("killed");
    Process process = startRun(killed);
    long killedAt = Runs.waitForTick(process, 60);
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(killed.resolve("summary.json")).as("the run was cut short").doesNotExist();
    assertThat(Files.readString(killed.resolve("run.json"))).contains("\"status\": \"running\"");

    // when it is resumed
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    Runs.Result resumed;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      resumed = Runs.bidarena("resume", killed.toString());
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(resumed.exitCode()).as("resume failed: %s %s", resumed.err(), printed).isZero();

    // then it restarted from a checkpoint and ends exactly like a run that was never interrupted
    Matcher from = Pattern.compile("from checkpoint tick (\\d+)").matcher(printed);
    assertThat(from.find()).as(printed).isTrue();
    long checkpoint = Long.parseLong(from.group(1));
    assertThat(checkpoint).isGreaterThanOrEqualTo(23).isLessThanOrEqualTo(killedAt + 24);
    assertThat((checkpoint + 1) % 24).isZero();
    Path whole = temp.resolve("whole");
    Runs.run(whole, SCENARIO);
    assertThat(Files.readString(killed.resolve("summary.json"))).isEqualTo(Files.readString(whole.resolve("summary.json")));
    assertThat(Files.readString(killed.resolve("ticks.csv"))).isEqualTo(Files.readString(whole.resolve("ticks.csv")));
    assertThat(printed).containsPattern("(?m)^digest: [0-9a-f]{64}$");
    assertThat(printed).contains("digest: " + Runs.summary(whole).get("digest").asText());
  }

  private static Process startRun(Path dir) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        BidArena.class.getName(), "run", "--out", dir.toString()));
    for (String set : SCENARIO) {
      command.add("--set");
      command.add(set);
    }
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

}
