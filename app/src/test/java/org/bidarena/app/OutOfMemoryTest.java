package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 9 of issue 23: a run that runs out of memory says so in one line (the heap, a larger heap to try and
 * how to resume), exits 3 without hanging, and leaves a folder that a resume with a larger heap finishes with
 * the digest of a run that never failed.
 */
class OutOfMemoryTest {
  /** 400,000 customers need ~85 MB of heap for their state alone: more than a 64 MiB heap holds. */
  private static final String[] LARGE = {"customers.count=400000", "time.days=1", "time.ticks-per-day=4"};

  @Test
  void aRunOutOfMemoryIsOneLineAndResumesWithALargerHeap(@TempDir Path temp) throws Exception {
    Path dir = temp.resolve("oom");
    Path out = temp.resolve("out.txt");
    Path err = temp.resolve("err.txt");
    Process run = new ProcessBuilder(Runs.withSets(LARGE, Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"), BidArena.class.getName(), "run",
        "--out", dir.toString()))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertThat(run.waitFor(5, TimeUnit.MINUTES)).as("the run ended").isTrue();
    } finally {
      run.destroyForcibly();
    }
    String said = Files.readString(err).strip();
    // Known gap (issue 23): rarely Pekko's own handler runs out of memory before it reaches ours, and the JVM
    // prints a line of its own for it, before or after ours; on a loaded machine the cluster may also warn
    // that its heartbeat was late. Neither is about what the user must do, so the test sets them aside.
    said = said.replaceAll("(?m)^\\s*Exception: java\\.lang\\.\\w+ thrown from the UncaughtExceptionHandler in thread"
        + " \"[^\"]+\"\\s*$", "").replaceAll("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN .*Cluster.*heartbeat.*$", "").strip();

    assertThat(run.exitValue()).as(said).isEqualTo(3);
    assertThat(said.lines()).as(said).hasSize(1);
    assertThat(said).matches("error: out of memory \\(heap [0-9.]+ of 6[0-9.]+ MiB in use\\): raise the heap with"
        + " BIDARENA_JAVA_OPTS=-Xmx\\d+[mg] .* or java -Xmx\\d+[mg] -jar .*, and continue the run with:"
        + " bidarena resume " + java.util.regex.Pattern.quote(dir.toString()));
    assertThat(Files.readString(dir.resolve("run.log"))).contains("java.lang.OutOfMemoryError");

    Runs.Result resumed = Runs.bidarena("resume", dir.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    Path whole = temp.resolve("whole");
    Runs.run(whole, LARGE);
    assertThat(Runs.summary(dir).get("digest").asText()).isEqualTo(Runs.summary(whole).get("digest").asText());
  }
}
