package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23, the analysis side: no stale export, a read-only {@code sql}, a journal checked against the
 * digest of its finished run, one policy for unfinished runs, and one line for every fault.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisHardeningTest {
  private static final String[] SMALL = {"auction.type=first-price", "customers.count=1500", "time.days=2",
      "time.ticks-per-day=24", "journal.checkpoint-every-ticks=24"};
  private static final List<String> COMMANDS = List.of("replay", "export", "sql", "whatif", "report");
  private static final String COUNT = "SELECT max(tick) AS last, count(*) AS n FROM auctions";
  /** The last tick the Driver completed in a journal cut by {@link #cutAfter}. */
  private static final int CUT = 23;

  private Path temp;
  private Path run;
  private Path otherSeed;

  @BeforeAll
  void playSmallRuns(@TempDir Path temp) throws Exception {
    this.temp = temp;
    run = temp.resolve("run");
    Runs.run(run, SMALL);
    otherSeed = temp.resolve("other-seed");
    Runs.Result other = Runs.bidarena(Runs.withSets(SMALL, "run", "--seed", "7", "--out", otherSeed.toString()));
    assertThat(other.exitCode()).as(other.err()).isZero();
  }

  // Item 1: sql answers from the journal's current, complete state.

  @Test
  void sqlReExportsWhenTheExportIsNotFromTheJournal() throws Exception {
    // given an export of another run's tables in this run's export folder
    Path dir = copyOf(run, "foreign-export");
    Runs.Output own = Runs.capture("sql", dir.toString(), COUNT);
    assertThat(own.exitCode()).as(own.err()).isZero();
    Runs.Output other = Runs.capture("sql", otherSeed.toString(), COUNT);
    assertThat(other.out()).isNotEqualTo(own.out());
    for (String table : List.of("auctions", "outcomes")) {
      Files.copy(otherSeed.resolve("export/" + table + ".parquet"), dir.resolve("export/" + table + ".parquet"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    // when
    Runs.Output again = Runs.capture("sql", dir.toString(), COUNT);
    // then the answer is this run's again
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo(own.out());
  }

  @Test
  void sqlAfterAResumeAnswersFromTheWholeJournal() throws Exception {
    // given an export of an unfinished run
    Path dir = copyOf(run, "resumed");
    Path whole = temp.resolve("whole-journal.mv.db");
    Files.copy(dir.resolve("journal/bidarena.mv.db"), whole);
    Files.copy(dir.resolve("run.json"), temp.resolve("whole-run.json"));
    Files.copy(dir.resolve("summary.json"), temp.resolve("whole-summary.json"));
    makeUnfinished(dir);
    Runs.Output partial = Runs.capture("sql", dir.toString(), COUNT, "--partial");
    assertThat(partial.exitCode()).as(partial.err()).isZero();
    assertThat(partial.out()).contains(CUT + " ");
    // when the run is finished (as resume would) and queried again
    Files.copy(whole, dir.resolve("journal/bidarena.mv.db"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(temp.resolve("whole-run.json"), dir.resolve("run.json"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(temp.resolve("whole-summary.json"), dir.resolve("summary.json"), StandardCopyOption.REPLACE_EXISTING);
    Runs.Output after = Runs.capture("sql", dir.toString(), COUNT);
    // then the answer is the whole run's
    assertThat(after.exitCode()).as(after.err()).isZero();
    assertThat(after.out()).isEqualTo(Runs.capture("sql", run.toString(), COUNT).out()).contains("47 ");
  }

  // Item 2: sql is read-only.

  @Test
  void sqlRefusesEveryStatementThatIsNotOneQuery() throws Exception {
    Path dir = copyOf(run, "writes");
    Runs.Output first = Runs.capture("sql", dir.toString(), COUNT);
    assertThat(first.exitCode()).as(first.err()).isZero();
    byte[] journal = Files.readAllBytes(dir.resolve("journal/bidarena.mv.db"));
    Path csv = temp.resolve("copied.csv");
    Path attached = temp.resolve("attached.duckdb");
    List<String> refused = List.of(
        "COPY auctions TO " + literal(csv),
        "COPY (SELECT 1 AS x) TO " + literal(dir.resolve("journal/bidarena.mv.db")) + " (FORMAT csv)",
        "COPY (SELECT 1 AS x) TO " + literal(dir.resolve("export/auctions.parquet")) + " (FORMAT parquet)",
        "ATTACH " + literal(attached) + " AS x",
        "SELECT 1; SELECT 2",
        "INSTALL json",
        "LOAD json",
        "CREATE TABLE t AS SELECT 1 AS x",
        "SET enable_external_access = true",
        "SELECT * FROM read_csv(" + literal(run.resolve("ticks.csv")) + ")");
    for (String query : refused) {
      assertRefused(new String[] {"sql", dir.toString(), query}, "");
    }
    assertThat(csv).doesNotExist();
    assertThat(attached).doesNotExist();
    assertThat(Files.readAllBytes(dir.resolve("journal/bidarena.mv.db"))).isEqualTo(journal);
    assertThat(Runs.capture("sql", dir.toString(), COUNT).out()).isEqualTo(first.out());
    Runs.Output with = Runs.capture("sql", dir.toString(),
        "WITH w AS (SELECT winner FROM auctions WHERE winner IS NOT NULL) SELECT count(*) > 0 AS any FROM w");
    assertThat(with.exitCode()).as(with.err()).isZero();
    assertThat(with.out()).contains("true");
  }

  // Item 6: a journal checked against its digest; one policy for unfinished runs.

  @Test
  void aJournalChangedAfterTheRunFinishedIsRefusedByEveryCommand() throws Exception {
    // given one exchange event replaced by another, well-formed, in a finished run
    Path dir = copyOf(run, "changed");
    try (Connection c = h2(dir); Statement s = c.createStatement()) {
      String id = single(s, "SELECT min(\"persistence_id\") FROM \"event_journal\" WHERE \"persistence_id\" LIKE 'Exchange%'");
      s.execute("UPDATE \"event_journal\" SET \"event_payload\" = (SELECT \"event_payload\" FROM \"event_journal\""
          + " WHERE \"persistence_id\" = '" + id + "' AND \"sequence_number\" = 3) WHERE \"persistence_id\" = '" + id
          + "' AND \"sequence_number\" = 2");
    }
    for (String command : COMMANDS) {
      assertRefused(args(command, dir), "does not match the digest");
    }
    assertNothingWritten(dir);
  }

  @Test
  void anUnfinishedRunIsRefusedByEveryCommandWithoutPartial() throws Exception {
    Path dir = copyOf(run, "unfinished");
    makeUnfinished(dir);
    for (String command : COMMANDS) {
      assertRefused(args(command, dir), "is unfinished (last complete tick " + CUT + " of 47)");
      assertRefused(args(command, dir), "bidarena resume " + dir);
    }
    assertNothingWritten(dir);
  }

  @Test
  void replayAndExportAgreeOnAPartialRunAndSaySoInTheirOutput() throws Exception {
    Path dir = copyOf(run, "partial");
    makeUnfinished(dir);
    Runs.Output replay = Runs.capture("replay", dir.toString(), "--partial");
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.out()).contains("partial");
    String summary = Files.readString(dir.resolve("replay-partial-summary.json"));
    Matcher json = Pattern.compile("\"auctions\"\\s*:\\s*(\\d+)").matcher(summary);
    assertThat(json.find()).as(summary).isTrue();
    long replayed = Long.parseLong(json.group(1));
    Runs.Output export = Runs.capture("export", dir.toString(), "--partial", "--format", "csv",
        "--to", temp.resolve("partial-csv").toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).contains("partial");
    List<String> rows = Files.readAllLines(temp.resolve("partial-csv/auctions.csv"));
    assertThat(rows.size() - 1L).isEqualTo(replayed);
    Runs.Output sql = Runs.capture("sql", dir.toString(), "--partial", COUNT);
    assertThat(sql.out()).contains("partial").containsPattern(CUT + "\\s+" + replayed + "\\s");
    Runs.Output whatif = Runs.capture("whatif", dir.toString(), "--partial", "--agent", "fixed", "--strategy", "aggressive");
    assertThat(whatif.exitCode()).as(whatif.err()).isZero();
    assertThat(whatif.out()).contains("partial");
    assertThat(Runs.capture("report", dir.toString(), "--partial").exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("report.html"))).contains("partial");
  }

  // Item 10: one line for every file-system fault.

  @Test
  void exportToAnImpossiblePathFailsBeforeReadingTheJournal() throws Exception {
    // given a corrupt journal: a --to that is checked first names the --to, not the journal
    Path dir = copyOf(run, "impossible-to");
    Files.write(dir.resolve("journal/bidarena.mv.db"), new byte[4096]);
    assertRefused(new String[] {"export", dir.toString(), "--to", dir.resolve("summary.json/tables").toString()}, "--to");
    assertRefused(new String[] {"export", dir.toString(), "--to", "/proc/bidarena-tables"}, "--to");
  }

  @Test
  void aRunFolderThatCannotBeWrittenIsOneLine() throws Exception {
    // given files in the way of every output (root ignores permissions, so a directory stands in the way)
    Path dir = copyOf(run, "unwritable");
    for (String name : List.of("replay-summary.json.tmp", "report.html.tmp")) {
      Files.createDirectories(dir.resolve(name));
    }
    Files.writeString(dir.resolve("export"), "");
    assertRefused(new String[] {"replay", dir.toString()}, "cannot write");
    assertRefused(new String[] {"report", dir.toString()}, "cannot write");
    assertRefused(new String[] {"export", dir.toString()}, "cannot write " + dir.resolve("export"));
    assertRefused(new String[] {"sql", dir.toString(), COUNT}, "cannot write " + dir.resolve("export"));
  }

  // Item 12, the analysis commands' gaps.

  @Test
  void sqlRefusesANegativeRowLimit() {
    assertRefused(new String[] {"sql", run.toString(), COUNT, "--max-rows", "-1"}, "--max-rows");
  }

  @Test
  void whatIfRefusesAStrategyGivenThroughSet() {
    assertRefused(new String[] {"whatif", run.toString(), "--agent", "fixed", "--strategy", "fixed",
        "--set", "strategy=random"}, "--strategy");
  }

  /** Cuts the journal to a run killed during tick CUT + 1: the Driver completed CUT, others journaled CUT + 1. */
  private static void makeUnfinished(Path dir) throws Exception {
    cutAfter(dir, CUT);
    Files.writeString(dir.resolve("run.json"), Files.readString(dir.resolve("run.json"))
        .replace("\"complete\"", "\"running\""));
    Files.delete(dir.resolve("summary.json"));
    Files.deleteIfExists(dir.resolve("ticks.csv"));
  }

  private static void cutAfter(Path dir, int tick) throws Exception {
    try (Connection c = h2(dir); Statement s = c.createStatement()) {
      List<Long> completed = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT \"sequence_number\" FROM \"event_journal\" WHERE \"persistence_id\" ="
          + " 'Driver' AND \"event_ser_manifest\" = 'TickCompleted/v1' ORDER BY 1")) {
        while (rs.next()) {
          completed.add(rs.getLong(1));
        }
      }
      s.execute("DELETE FROM \"event_journal\" WHERE \"persistence_id\" = 'Driver' AND \"sequence_number\" > "
          + completed.get(tick));
      // A tick participant journals tick t as sequence number t + 1: keep tick + 1, half done.
      try (PreparedStatement p = c.prepareStatement("DELETE FROM \"event_journal\" WHERE \"persistence_id\" <> 'Driver'"
          + " AND \"sequence_number\" > ?")) {
        p.setLong(1, tick + 2);
        p.executeUpdate();
      }
    }
  }

  private static Connection h2(Path dir) throws Exception {
    return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("journal/bidarena"), "sa", "");
  }

  private static String single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String literal(Path path) {
    return "'" + path.toAbsolutePath() + "'";
  }

  private static String[] args(String command, Path dir) {
    return switch (command) {
      case "sql" -> new String[] {"sql", dir.toString(), COUNT};
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
    for (String file : List.of("run.json", "scenario.conf", "summary.json", "ticks.csv", "journal/bidarena.mv.db")) {
      Files.copy(source.resolve(file), dir.resolve(file));
    }
    return dir;
  }
}
