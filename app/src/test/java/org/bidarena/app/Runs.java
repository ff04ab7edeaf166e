package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.bidarena.app.node.LocalNode;
import org.bidarena.cluster.JournalSettings;

/** Runs the command line in tests and reads what a run left behind. */
final class Runs {

  private static final java.util.regex.Pattern PROGRESS = java.util.regex.Pattern.compile("^tick (\\d+)/(\\d+)");

  /**
   * Reads a child run's progress lines until one reports at least {@code tick}, and returns that tick; fails if
   * the run ends first, or reports its last tick, since a kill after that would test nothing.
   */
  static long waitForTick(Process process, long tick) throws IOException {
    java.io.BufferedReader reader = new java.io.BufferedReader(
        new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null) {
      seen.append(line).append('\n');
      java.util.regex.Matcher m = PROGRESS.matcher(line);
      if (m.find()) {
        long done = Long.parseLong(m.group(1));
        assertThat(done).as("the run must still be going when it is killed:%n%s", seen)
            .isLessThan(Long.parseLong(m.group(2)));
        if (done >= tick) {
          return done;
        }
      }
    }
    throw new AssertionError("the run ended before tick " + tick + ":\n" + seen);
  }
  private Runs() {}

  /** The outcome of one command: exit code and what it wrote as errors. */
  record Result(int exitCode, String err) {}

  static Result bidarena(String... args) {
    StringWriter err = new StringWriter();
    int code = BidArena.execute(new PrintWriter(err, true), args);
    return new Result(code, err.toString());
  }

  /** The outcome of one command with what it printed. */
  record Output(int exitCode, String out, String err) {}

  /** Runs the command line with System.out captured (tests run one at a time). */
  static Output capture(String... args) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.out;
    System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    Result result;
    try {
      result = bidarena(args);
    } finally {
      System.setOut(original);
    }
    return new Output(result.exitCode(), bytes.toString(java.nio.charset.StandardCharsets.UTF_8), result.err());
  }

  /** {@code args} followed by {@code --set KEY=VALUE} for each of {@code sets}. */
  static String[] withSets(String[] sets, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    for (String set : sets) {
      all.add("--set");
      all.add(set);
    }
    return all.toArray(String[]::new);
  }

  /** Runs a scenario to the end into {@code dir}, failing the test if it does not finish. */
  static JsonNode run(Path dir, String... sets) throws IOException {
    Result result = bidarena(withSets(sets, "run", "--out", dir.toString()));
    assertThat(result.exitCode()).as("exit code; errors: %s", result.err()).isZero();
    return summary(dir);
  }

  static JsonNode summary(Path dir) throws IOException {
    return new ObjectMapper().readTree(Files.readString(dir.resolve("summary.json")));
  }

  /** Every event in a run's journal, by persistence id and in sequence-number order. */
  static List<Object> journalEvents(Path dir) throws Exception {
    ActorSystem<Void> system = LocalNode.start(JournalSettings.h2(dir));
    try {
      JdbcReadJournal journal =
          PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
      List<String> ids = journal.currentPersistenceIds().runWith(Sink.seq(), system)
          .toCompletableFuture().get(2, TimeUnit.MINUTES);
      List<Object> events = new ArrayList<>();
      for (String id : ids.stream().sorted().toList()) {
        List<EventEnvelope> envelopes = journal.currentEventsByPersistenceId(id, 0L, Long.MAX_VALUE)
            .runWith(Sink.seq(), system).toCompletableFuture().get(2, TimeUnit.MINUTES);
        envelopes.forEach(e -> events.add(e.event()));
      }
      return events;
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }
  }
}
