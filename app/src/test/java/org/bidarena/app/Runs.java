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
