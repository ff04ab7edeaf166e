package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay of a small first-price run (on H2 and, when BIDARENA_PG_URL is set, on PostgreSQL), and the
 * analysis commands' answers to bad input: one line, exit code 2, nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisInputTest {
  private static final String[] SMALL = {"auction.type=first-price", "customers.count=1500", "time.days=2",
      "time.ticks-per-day=24", "journal.checkpoint-every-ticks=24"};
  private static final List<String> COMMANDS = List.of("replay", "export", "sql", "whatif", "report");

  private Path temp;
  private Path run;
  private Path otherSeed;
  private JsonNode summary;

  @BeforeAll
  void playSmallRuns(@TempDir Path temp) throws Exception {
    this.temp = temp;
    run = temp.resolve("first-price");
    summary = Runs.run(run, SMALL);
    otherSeed = temp.resolve("other-seed");
    Runs.Result other = Runs.bidarena(concat(
        new String[] {"run", "--seed", "7", "--out", otherSeed.toString()}, sets(SMALL)));
    assertThat(other.exitCode()).as(other.err()).isZero();
  }

  @Test
  void replayOfAFirstPriceRunEqualsItsSummary() throws Exception {
    Runs.Output replay = Runs.capture("replay", run.toString());
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(summary.get("agents").get(0).get("impressions").asLong()).isPositive();
    assertThat(Files.readString(run.resolve("replay-summary.json")))
        .isEqualTo(Files.readString(run.resolve("summary.json")));
    assertThat(replay.out()).contains("digest: " + summary.get("digest").asText());
  }

  @Test
  void replayReadsTheSameJournalFromPostgreSql() throws Exception {
    String url = System.getenv("BIDARENA_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "BIDARENA_PG_URL is not set: PostgreSQL replay skipped");
    String user = System.getenv().getOrDefault("BIDARENA_PG_USER", "postgres");
    String password = System.getenv().getOrDefault("BIDARENA_PG_PASSWORD", "");
    // A database of its own: the plugin's schema script always writes to public.*, shared by other tests.
    String base = url.replaceAll("\\?.*$", "");
    String server = base.substring(0, base.lastIndexOf('/') + 1);
    String db = "bidarena_replay_" + ProcessHandle.current().pid();
    try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
        Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("CREATE DATABASE " + db);
    }
    Path copy = temp.resolve("pg-copy");
    try {
      try (Connection pg = DriverManager.getConnection(server + db, user, password)) {
        createSchema(pg);
        copyJournal(run, pg);
      }
      Files.createDirectories(copy);
      Files.copy(run.resolve("run.json"), copy.resolve("run.json"));
      Files.copy(run.resolve("scenario.conf"), copy.resolve("scenario.conf"));
      // A finished run's folder holds its summary: replay checks the journal's digest against it.
      Files.copy(run.resolve("summary.json"), copy.resolve("summary.json"));
      Runs.Output replay = Runs.capture("replay", copy.toString(), "--jdbc-url", server + db, "--jdbc-user", user,
          "--jdbc-password", password);
      assertThat(replay.exitCode()).as(replay.err()).isZero();
      assertThat(Files.readString(copy.resolve("replay-summary.json")))
          .isEqualTo(Files.readString(run.resolve("summary.json")));
    } finally {
      try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }

  @Test
  void aFolderThatIsNotARunIsRefusedByEveryCommand() throws IOException {
    Path empty = Files.createDirectory(temp.resolve("not-a-run"));
    for (String command : COMMANDS) {
      assertRefused(args(command, empty), "not a run folder");
      assertRefused(args(command, temp.resolve("missing")), "not a run folder");
    }
    assertThat(listing(empty)).isEmpty();
  }

  @Test
  void aMissingJournalIsRefusedByEveryCommand() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("no-journal"));
    Files.copy(run.resolve("run.json"), dir.resolve("run.json"));
    Files.copy(run.resolve("scenario.conf"), dir.resolve("scenario.conf"));
    for (String command : COMMANDS) {
      assertRefused(args(command, dir), "has no journal");
    }
    assertThat(listing(dir)).containsExactly(dir.resolve("run.json"), dir.resolve("scenario.conf"));
  }

  @Test
  void aCorruptJournalIsRefusedByEveryCommand() throws IOException {
    Path dir = copyOf(run, "corrupt");
    byte[] garbage = new byte[64 * 1024];
    Arrays.fill(garbage, (byte) 0x5a);
    Files.write(dir.resolve("journal/bidarena.mv.db"), garbage);
    for (String command : COMMANDS) {
      assertRefused(args(command, dir), "cannot be read");
    }
    assertThat(Files.readAllBytes(dir.resolve("journal/bidarena.mv.db"))).isEqualTo(garbage);
    assertNothingWritten(dir);
  }

  @Test
  void aJournalOfAnotherSeedIsRefusedByEveryCommand() throws IOException {
    // given another run's run.json and scenario.conf over this run's journal
    Path dir = copyOf(run, "mixed");
    Files.copy(otherSeed.resolve("run.json"), dir.resolve("run.json"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(otherSeed.resolve("scenario.conf"), dir.resolve("scenario.conf"), StandardCopyOption.REPLACE_EXISTING);
    for (String command : COMMANDS) {
      assertRefused(args(command, dir), "belongs to another scenario or seed");
    }
    assertNothingWritten(dir);
  }

  @Test
  void aJournalOfAScenarioWithOtherAgentsIsRefused() throws IOException {
    // given the folder files of a tiny run with one agent, over this run's journal
    Path solo = temp.resolve("solo");
    Runs.run(solo, "customers.count=200", "time.days=1", "time.ticks-per-day=4",
        "agents={solo {strategy = fixed, daily-budget = 5.00}}");
    Path dir = copyOf(run, "other-agents");
    Files.copy(solo.resolve("run.json"), dir.resolve("run.json"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(solo.resolve("scenario.conf"), dir.resolve("scenario.conf"), StandardCopyOption.REPLACE_EXISTING);
    assertRefused(args("replay", dir), "belongs to another scenario or seed");
    assertNothingWritten(dir);
  }

  @Test
  void whatIfRefusesAnUnknownAgentStrategyOrKey() {
    assertRefused(new String[] {"whatif", run.toString(), "--agent", "nobody", "--strategy", "aggressive"},
        "no such agent");
    assertRefused(new String[] {"whatif", run.toString(), "--agent", "fixed", "--strategy", "psychic"},
        "unknown strategy");
    assertRefused(new String[] {"whatif", run.toString(), "--agent", "fixed", "--strategy", "aggressive",
        "--set", "colour=blue"}, "colour");
  }

  @Test
  void exportRefusesAnUnknownFormatOrAFileAsItsTarget() {
    assertRefused(new String[] {"export", run.toString(), "--format", "xlsx"}, "--format");
    assertRefused(new String[] {"export", run.toString(), "--to", run.resolve("summary.json").toString()}, "is a file");
  }

  @Test
  void everyAnalysisCommandHasHelp() {
    for (String command : COMMANDS) {
      Runs.Output help = Runs.capture(command, "--help");
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).contains("Usage: bidarena " + command).contains("DIR");
    }
  }

  private static String[] args(String command, Path dir) {
    return switch (command) {
      case "sql" -> new String[] {"sql", dir.toString(), "SELECT count(*) FROM auctions"};
      case "whatif" -> new String[] {"whatif", dir.toString(), "--agent", "fixed", "--strategy", "aggressive"};
      default -> new String[] {command, dir.toString()};
    };
  }

  private static void assertRefused(String[] args, String mention) {
    Runs.Result result = Runs.bidarena(args);
    String err = result.err().strip();
    assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), err).isEqualTo(2);
    assertThat(err).as(String.join(" ", args)).startsWith("error: ").doesNotContain("\n").contains(mention);
  }

  private static void assertNothingWritten(Path dir) {
    for (String name : List.of("replay-summary.json", "replay-ticks.csv", "report.html", "export")) {
      assertThat(dir.resolve(name)).doesNotExist();
    }
  }

  private Path copyOf(Path source, String name) throws IOException {
    Path dir = temp.resolve(name);
    Files.createDirectories(dir.resolve("journal"));
    for (String file : List.of("run.json", "scenario.conf", "summary.json", "journal/bidarena.mv.db")) {
      Files.copy(source.resolve(file), dir.resolve(file));
    }
    return dir;
  }

  private static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static String[] sets(String[] keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      out.add("--set");
      out.add(k);
    }
    return out.toArray(String[]::new);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Applies the plugin's own PostgreSQL schema script. */
  private static void createSchema(Connection pg) throws Exception {
    String script;
    try (InputStream in = AnalysisInputTest.class.getClassLoader()
        .getResourceAsStream("schema/postgres/postgres-create-schema.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Statement s = pg.createStatement()) {
      for (String statement : script.split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
  }

  /** Copies the journal's rows from the run's H2 file into PostgreSQL, column by column. */
  private static void copyJournal(Path runDir, Connection pg) throws Exception {
    String h2 = "jdbc:h2:file:" + runDir.toAbsolutePath().resolve("journal/bidarena") + ";IFEXISTS=TRUE";
    try (Connection from = DriverManager.getConnection(h2, "sa", "")) {
      for (String table : List.of("event_journal", "event_tag")) {
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          ResultSetMetaData meta = rs.getMetaData();
          int n = meta.getColumnCount();
          List<String> columns = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
          }
          String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
              + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
          try (PreparedStatement ps = pg.prepareStatement(insert)) {
            while (rs.next()) {
              for (int i = 1; i <= n; i++) {
                int type = meta.getColumnType(i);
                if (type == java.sql.Types.BLOB || type == java.sql.Types.VARBINARY || type == java.sql.Types.BINARY) {
                  ps.setBytes(i, rs.getBytes(i));
                } else {
                  ps.setObject(i, rs.getObject(i));
                }
              }
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
      }
    }
  }
}
