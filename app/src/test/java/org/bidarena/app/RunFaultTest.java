package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults of running and resuming (issue 23): each ends in one line and exit 2, or is survived. Every
 * test here is fast: the runs are tiny and nothing waits a fixed time.
 */
class RunFaultTest {
  private static final String[] TINY = {"customers.count=100", "time.days=1", "time.ticks-per-day=4"};

  // item 3: order values that could overflow the money sums are refused, naming the bound
  @Test
  void orderValuesThatCouldOverflowAreRefusedNamingTheBound(@TempDir Path temp) {
    Runs.Result result = Runs.bidarena(Runs.withSets(TINY, "run", "--out", temp.resolve("o").toString(),
        "--set", "customers.order-value.mean=1000000000", "--set", "customers.order-value.sigma=5"));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertOneLine(result.err(), "customers.order-value");
    assertThat(result.err()).contains("the largest order allowed is 90000");
    assertThat(temp.resolve("o")).doesNotExist();
  }

  // item 7: a node started by 'cluster' ends when the cluster's process ends, however it ended
  @Test
  void aNodeEndsWhenTheProcessThatStartedItEnds(@TempDir Path temp) throws Exception {
    Process parent = new ProcessBuilder("sleep", "600").start();
    Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "org.bidarena.app.BidArena", "node", "--roles", "customers",
        "--port", Integer.toString(FreePorts.consecutive(1)), "--http-port", Integer.toString(FreePorts.consecutive(1)),
        "--run-id", "orphan", "--journal", "h2", "--out", temp.resolve("n").toString(), "--set", "customers.count=100",
        "--parent-pid", Long.toString(parent.pid()))
        .redirectErrorStream(true).start();
    try (java.io.BufferedReader out = new java.io.BufferedReader(
        new java.io.InputStreamReader(node.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null && !line.contains(" is up: ")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("the node came up; it printed: %s", seen).isNotNull();
      parent.destroyForcibly();
      assertThat(node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the node ended with its parent").isTrue();
    } finally {
      parent.destroyForcibly();
      node.destroyForcibly();
    }
  }

  // item 4: two runs into one --out
  @Test
  void aFolderHeldByAnotherProcessIsRefusedByRunAndByResume(@TempDir Path temp) throws Exception {
    Path dir = Files.createDirectory(temp.resolve("held"));
    try (FileChannel channel = FileChannel.open(dir.resolve("run.lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
      Runs.Result run = Runs.bidarena(Runs.withSets(TINY, "run", "--out", dir.toString()));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertOneLine(run.err(), dir + " is in use by another bidarena process");
      assertThat(dir.resolve("run.json")).doesNotExist();
    }
    Runs.run(dir, TINY);
    try (FileChannel channel = FileChannel.open(dir.resolve("run.lock"), StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      Runs.Result resume = Runs.bidarena("resume", dir.toString());
      assertThat(resume.exitCode()).as(resume.err()).isEqualTo(2);
      assertOneLine(resume.err(), "is in use by another bidarena process");
    }
  }

  // item 11: a second resume of one PostgreSQL run is refused at once
  @Test
  void aSecondResumeOfAPostgresRunIsRefusedAtOnce(@TempDir Path temp) throws Exception {
    String url = System.getenv("BIDARENA_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "BIDARENA_PG_URL is not set");
    Path dir = temp.resolve("pg");
    Runs.Result run = Runs.bidarena(Runs.withSets(TINY, "run", "--journal", "postgres", "--out", dir.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (FileChannel channel = FileChannel.open(dir.resolve("run.lock"), StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      long start = System.nanoTime();
      Runs.Result second = Runs.bidarena("resume", dir.toString());
      assertThat(second.exitCode()).as(second.err()).isEqualTo(2);
      assertOneLine(second.err(), "is in use by another bidarena process");
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    }
  }

  // item 5: a kill in the first ~1.5 s
  @Test
  void aRunKilledBeforeItsJournalExistedIsResumedFromItsFirstTick(@TempDir Path temp) throws Exception {
    Path whole = temp.resolve("whole");
    Runs.run(whole, TINY);
    // what a run leaves when it is killed after run.json and before H2 made its file
    Path killed = temp.resolve("killed");
    Files.createDirectory(killed);
    Files.copy(whole.resolve("scenario.conf"), killed.resolve("scenario.conf"));
    Files.writeString(killed.resolve("run.json"),
        Files.readString(whole.resolve("run.json")).replace("\"complete\"", "\"running\""));
    Files.writeString(killed.resolve("run.lock"), "");

    Runs.Result again = Runs.bidarena(Runs.withSets(TINY, "run", "--out", killed.toString()));
    assertThat(again.err()).contains("continue it with: bidarena resume");
    Runs.Result resumed = Runs.bidarena("resume", killed.toString());

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(Files.readString(killed.resolve("summary.json"))).isEqualTo(Files.readString(whole.resolve("summary.json")));
  }

  // item 5: killed before run.json was written
  @Test
  void aRunKilledBeforeRunJsonIsStartedAgainByRunAndResumeSaysSo(@TempDir Path temp) throws Exception {
    Path killed = Files.createDirectory(temp.resolve("killed"));
    Files.writeString(killed.resolve("run.lock"), "");
    Files.writeString(killed.resolve("scenario.conf.tmp"), "name = half");

    Runs.Result resume = Runs.bidarena("resume", killed.toString());
    assertThat(resume.exitCode()).isEqualTo(2);
    assertOneLine(resume.err(), "start it again with: bidarena run --out " + killed);

    Runs.run(killed, TINY);
    assertThat(killed.resolve("summary.json")).exists();
  }

  // item 10: --out where no folder can be made
  @ParameterizedTest
  @ValueSource(strings = {"/proc/bidarena-run", "FILE/sub", "FILE"})
  void anOutWhereNoFolderCanBeMadeIsOneLine(String where, @TempDir Path temp) throws IOException {
    Path file = Files.writeString(temp.resolve("file"), "x");
    String out = where.replace("FILE", file.toString());
    Runs.Result result = Runs.bidarena(Runs.withSets(TINY, "run", "--out", out));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertOneLine(result.err(), out);
  }

  // item 10: an unwritable --out (root writes everywhere, so this needs an ordinary user)
  @Test
  void anUnwritableOutIsOneLine(@TempDir Path temp) throws IOException {
    Path locked = Files.createDirectory(temp.resolve("locked"));
    assumeTrue(locked.toFile().setWritable(false, false) && !Files.isWritable(locked), "running as root");
    Runs.Result result = Runs.bidarena(Runs.withSets(TINY, "run", "--out", locked.resolve("r").toString()));
    assertThat(result.exitCode()).isEqualTo(2);
    assertOneLine(result.err(), "permission denied");
  }

  // item 10: journal.conf damaged, or naming a schema with SQL in it
  @ParameterizedTest
  @ValueSource(strings = {"{{{ not hocon", "kind = postgres\nurl = \"jdbc:postgresql://127.0.0.1:1/x\"\nuser = u\n"
      + "schema = \"x; DROP TABLE event_journal; --\"\n", "kind = postgres\n"})
  void aDamagedJournalConfIsOneLine(String conf, @TempDir Path temp) throws Exception {
    Path dir = temp.resolve("run");
    Runs.run(dir, TINY);
    Files.writeString(dir.resolve("journal.conf"), conf);
    Runs.Result result = Runs.bidarena("resume", dir.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertOneLine(result.err(), "journal.conf is damaged");
  }

  // item 10: a journal of zeros is refused at once, not after a whole run's wait
  @Test
  void resumeOnAJournalOfZerosIsOneLineAndFast(@TempDir Path temp) throws Exception {
    Path dir = temp.resolve("run");
    Runs.run(dir, TINY);
    Path journal = dir.resolve("journal/bidarena.mv.db");
    Files.write(journal, new byte[(int) Files.size(journal)]);
    Files.writeString(dir.resolve("run.json"), Files.readString(dir.resolve("run.json")).replace("\"complete\"", "\"running\""));
    long start = System.nanoTime();
    Runs.Result result = Runs.bidarena("resume", dir.toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertOneLine(result.err(), "bidarena.mv.db is damaged");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
  }

  // item 12: agent-defaults checked even when every agent sets its own
  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1"})
  void aBadDailyBudgetInAgentDefaultsIsRefusedEvenWhenEveryAgentSetsItsOwn(String budget, @TempDir Path temp)
      throws IOException {
    Path file = Files.writeString(temp.resolve("s.conf"), "agent-defaults { daily-budget = " + budget + " }\n"
        + "agents { only { strategy = fixed, daily-budget = 100 } }\n");
    Runs.Result result = Runs.bidarena(Runs.withSets(TINY, "run", file.toString(), "--out", temp.resolve("o").toString()));
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertOneLine(result.err(), "agent-defaults.daily-budget");
    assertThat(temp.resolve("o")).doesNotExist();
  }

  // item 12: a scenario that is not UTF-8
  @Test
  void aScenarioThatIsNotUtf8IsRefusedNamingTheByteOffset(@TempDir Path temp) throws IOException {
    Path file = temp.resolve("latin1.conf");
    Files.write(file, new byte[] {'n', 'a', 'm', 'e', ' ', '=', ' ', '"', 'c', 'a', 'f', (byte) 0xe9, '"', '\n'});
    Runs.Result result = Runs.bidarena(Runs.withSets(TINY, "run", file.toString(), "--out", temp.resolve("o").toString()));
    assertThat(result.exitCode()).isEqualTo(2);
    assertOneLine(result.err(), "not UTF-8: byte 0xe9 at offset 11");
  }

  // item 12: a directory given as the scenario
  @Test
  void aDirectoryGivenAsScenarioIsReportedAsADirectory(@TempDir Path temp) {
    for (String command : List.of("run", "node", "cluster")) {
      Runs.Result result = command.equals("node")
          ? Runs.bidarena(command, temp.toString(), "--run-id", "x", "--out", temp.resolve("o").toString())
          : Runs.bidarena(command, temp.toString(), "--out", temp.resolve("o").toString());
      assertThat(result.exitCode()).as(command + ": " + result.err()).isEqualTo(2);
      assertOneLine(result.err(), temp + " is a directory");
    }
  }

  // item 12: node --run-id with path segments
  @Test
  void aNodeRunIdThatIsAPathIsRefusedAndCreatesNothing() throws IOException {
    String name = "bidarena-escape-" + System.nanoTime();
    Path outside = Path.of("runs", "..", "..", name).normalize();
    Runs.Result result = Runs.bidarena("node", "--run-id", "../../" + name, "--journal", "h2", "--set", "customers.count=100");
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertOneLine(result.err(), "--run-id '../../" + name + "'");
    assertThat(outside).doesNotExist();
  }

  // item 12: a refused node creates no folder
  @Test
  void aNodeRefusedForABusyPortCreatesNoFolder(@TempDir Path temp) throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Path dir = temp.resolve("n");
      long start = System.nanoTime();
      Runs.Result result = Runs.bidarena("node", "--port", Integer.toString(busy.getLocalPort()), "--http-port",
          Integer.toString(FreePorts.consecutive(1)), "--run-id", "busy", "--journal", "h2", "--out", dir.toString(),
          "--set", "customers.count=100");
      // item 8: in seconds, naming the port
      assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
      assertOneLine(result.err(), "port " + busy.getLocalPort());
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
      assertThat(dir).doesNotExist();
    }
  }

  // item 8: --base-port validated
  @ParameterizedTest
  @ValueSource(strings = {"65535", "0", "-4"})
  void aBasePortOutOfRangeIsRefused(String port, @TempDir Path temp) {
    Runs.Result result = Runs.bidarena("cluster", "--base-port", port, "--out", temp.resolve("c").toString());
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertOneLine(result.err(), "--base-port " + port);
    assertThat(temp.resolve("c")).doesNotExist();
  }

  // item 8: a busy port of a cluster is named before anything starts
  @Test
  void aClusterWithABusyPortNamesItAndLeavesNoFolder(@TempDir Path temp) throws IOException {
    int base = FreePorts.consecutive(3);
    try (ServerSocket busy = new ServerSocket(base + 1, 1, InetAddress.getByName("127.0.0.1"))) {
      Runs.Result result = Runs.bidarena("cluster", "--base-port", Integer.toString(base), "--http-base-port",
          Integer.toString(FreePorts.consecutive(3)), "--out", temp.resolve("c").toString(),
          "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none");
      assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
      assertOneLine(result.err(), "node2's Artery port " + (base + 1));
      assertThat(temp.resolve("c")).doesNotExist();
    }
  }

  // item 12: picocli's errors are one line and a pointer to --help
  @Test
  void aMistypedOptionIsOneLineAndAPointerToHelp() {
    Runs.Result result = Runs.bidarena("run", "--speed", "11");
    assertThat(result.exitCode()).isEqualTo(2);
    List<String> lines = result.err().strip().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("error: ").contains("--speed");
    assertThat(lines.get(1)).contains("bidarena run --help");
  }

  private static void assertOneLine(String err, String mention) {
    String trimmed = err.strip();
    assertThat(trimmed).as("one line").doesNotContain("\n");
    assertThat(trimmed).startsWith("error: ");
    assertThat(trimmed).contains(mention);
  }

  @SuppressWarnings("unused")
  private static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
