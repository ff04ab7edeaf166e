package org.bidarena.app.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.run.RunClaim;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.JournalOptions;
import org.bidarena.app.command.ScenarioArgument;
import org.bidarena.app.node.LocalNode;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.cluster.PostgresSchema;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Starts a local cluster of N JVMs on 127.0.0.1 ({@code bidarena node} each, with the layout of
 * {@link LoopbackCluster}), waits for every node's health endpoint, lets the Driver's node play the run
 * on the shared PostgreSQL journal, then stops the nodes.
 *
 * <p>The journal must be PostgreSQL: the run folder's H2 file cannot be shared by several JVMs. Without a
 * database the command says so and exits 2.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Plays a scenario on a local cluster of N JVMs on 127.0.0.1, journaled to PostgreSQL (--jdbc-url or"
          + " BIDARENA_PG_URL), in a schema of its own. Prints the 'digest:' line and writes summary.json, like run.",
      "Node i listens on --base-port + i - 1 (Artery) and --http-base-port + i - 1 (health); node logs go to"
          + " DIR/node-i.log."
    })
public final class ClusterCommand implements Callable<Integer> {
  /** The main class each node runs; by name, since the main class lists this command. */
  private static final String MAIN_CLASS = "org.bidarena.app.BidArena";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.conf",
      description = "A HOCON scenario laid over the default one.")
  Path scenarioFile;

  @Option(names = "--nodes", defaultValue = "3", description = "Number of JVMs (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--seed", paramLabel = "N", description = "The run seed (default: the scenario's seed).")
  Long seed;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides one scenario key. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "The run folder: new or empty (default: under runs/).")
  Path out;

  @Option(names = "--base-port", description = "Artery port of node 1 (default: from loopback-cluster.conf, 25520).")
  Integer basePort;

  @Option(names = "--http-base-port", description = "Health port of node 1 (default: from loopback-cluster.conf, 8558).")
  Integer httpBasePort;

  @Mixin JournalOptions journalOptions = new JournalOptions();

  /** The driver node's last "error:" line: its output is ours, not a log file's. */
  private final java.util.concurrent.atomic.AtomicReference<String> driverError =
      new java.util.concurrent.atomic.AtomicReference<>();

  @Override
  public Integer call() throws Exception {
    if (journalOptions.kindOr("postgres").equals("h2")) {
      throw new BadInput("a cluster needs a journal every node can reach; the run folder's H2 file cannot be shared."
          + " Use --journal postgres with --jdbc-url or BIDARENA_PG_URL");
    }
    Scenario scenario = ScenarioLoader.load(ScenarioArgument.check(scenarioFile), overrides, seed);
    String host = "127.0.0.1";
    LoopbackCluster layout = LoopbackCluster.of(nodes,  host,
        basePort != null ? basePort : LoopbackCluster.defaultBasePort(),
        httpBasePort != null ? httpBasePort : LoopbackCluster.defaultHttpBasePort());
    for (LoopbackCluster.Node node : layout.nodes()) {
      Ports.requireFree(node.name() + "'s Artery", host, node.port());
      Ports.requireFree(node.name() + "'s health", host, node.httpPort());
    }
    Path dir = out != null ? out : RunFolder.defaultLocation(scenario);
    RunFolder.requireFree(dir);
    String runId = JournalOptions.newRunId(dir);
    JournalSettings journal = journalOptions.postgres(JournalOptions.schemaOf(runId));
    boolean existed = Files.isDirectory(dir);
    RunClaim claim = RunClaim.take(dir);
    boolean ready = false;
    boolean schemaMade = false;
    List<Process> processes = new ArrayList<>();
    Thread stopper = new Thread(() -> processes.forEach(Process::destroy));
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      RunFolder.requireFree(dir);
      schemaMade = !schemaExists(journal);
      if (LocalNode.prepareJournal(journal) > 0) {
        throw new BadInput(journal.describe() + " already holds events of another run; a new run needs a clean schema");
      }
      JournalOptions.record(dir, journal);
      RunFolder folder = RunFolder.create(dir, scenario);
      System.out.printf("Running scenario '%s' with seed %d on %d nodes, journal %s -> %s%n", scenario.name(),
          scenario.seed(), nodes, journal.describe(), dir);
      for (int i = 0; i < layout.nodes().size(); i++) {
        processes.add(start(layout, layout.nodes().get(i), folder, journal, runId, i == 0, System.out));
      }
      awaitReady(layout.nodes(), processes, folder);
      ready = true;
      System.out.printf("cluster: %d nodes ready%n", processes.size());
      int code = processes.get(0).waitFor();
      if (code != 0) {
        System.out.println("the driver's node exited with " + code + "; node logs are in " + dir);
      }
      return code;
    } finally {
      stop(processes);
      Runtime.getRuntime().removeShutdownHook(stopper);
      claim.close();
      // A cluster that never started leaves no folder that looks like a run, and no schema of its own.
      if (!ready && schemaMade) {
        dropSchema(journal);
      }
      if (!ready && !existed) {
        deleteFolder(dir);
      }
    }
  }

  private static boolean schemaExists(JournalSettings journal) {
    try {
      return PostgresSchema.exists(journal);
    } catch (PostgresSchema.Unreachable e) {
      throw new BadInput(e.getMessage());
    }
  }

  private static void dropSchema(JournalSettings journal) {
    try {
      PostgresSchema.drop(journal);
    } catch (PostgresSchema.Unreachable e) {
      System.out.println("(could not drop " + journal.describe() + ": " + e.getMessage() + ")");
    }
  }

  private static void deleteFolder(Path dir) {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.out.println("(could not remove " + dir + ": " + e.getMessage() + ")");
    }
  }

  /** Starts one node; the Driver's node prints to our output, the others to DIR/node-i.log. */
  private Process start(LoopbackCluster layout, LoopbackCluster.Node node, RunFolder folder, JournalSettings journal,
      String runId, boolean driverNode, PrintStream out) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LoopbackCluster.nodeJavaOptions());
    command.addAll(extraJavaOptions(node));
    command.addAll(List.of(
        "-cp", System.getProperty("java.class.path"),
        MAIN_CLASS, "node", folder.scenarioFile().toString(),
        "--roles", String.join(",", node.roles()),
        "--host", "127.0.0.1",
        "--port", Integer.toString(node.port()),
        "--http-port", Integer.toString(node.httpPort()),
        "--seed-nodes", String.join(",", layout.seedNodes()),
        "--min-members", Integer.toString(layout.nodes().size()),
        "--run-id", runId,
        "--parent-pid", Long.toString(ProcessHandle.current().pid()),
        "--journal", "postgres", "--jdbc-url", journal.url(), "--jdbc-user", journal.user(),
        "--out", folder.dir().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The password travels in the environment, never on a command line that ps shows.
    builder.environment().put("BIDARENA_PG_PASSWORD", journal.password());
    Path log = folder.dir().resolve(node.name() + ".log");
    if (!driverNode) {
      builder.redirectOutput(log.toFile());
      return builder.start();
    }
    Process process = builder.start();
    Thread pump = new Thread(() -> {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.startsWith("error: ")) {
            driverError.set(line);
          }
          out.println(line);
        }
      } catch (IOException e) {
        out.println("(lost the driver node's output: " + e.getMessage() + ")");
      }
    }, node.name() + "-output");
    pump.setDaemon(true);
    pump.start();
    return process;
  }

  /**
   * BIDARENA_NODE_JAVA_OPTS, split on spaces, after the configured options so that it can override them;
   * {@code %n} becomes the node's name, e.g. {@code -XX:StartFlightRecording=filename=/tmp/%n.jfr}.
   */
  private static List<String> extraJavaOptions(LoopbackCluster.Node node) {
    String extra = System.getenv("BIDARENA_NODE_JAVA_OPTS");
    if (extra == null || extra.isBlank()) {
      return List.of();
    }
    return List.of(extra.trim().replace("%n", node.name()).split("\\s+"));
  }

  /**
   * Polls every node's /ready until each answers 200. The first node that exits with an error ends the wait
   * at once, named with the error line of its log: a node that cannot bind its port fails in seconds.
   */
  private void awaitReady(List<LoopbackCluster.Node> layout, List<Process> processes, RunFolder folder)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    boolean[] ready = new boolean[processes.size()];
    int remaining = processes.size();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (remaining > 0) {
      for (int i = 0; i < processes.size(); i++) {
        if (ready[i]) {
          continue;
        }
        LoopbackCluster.Node node = layout.get(i);
        Process process = processes.get(i);
        if (!process.isAlive()) {
          if (process.exitValue() == 0) {
            ready[i] = true;
            remaining--;
            continue;
          }
          throw new BadInput(node.name() + " stopped with exit code " + process.exitValue() + " before it was ready"
              + errorLine(i == 0 ? driverError.get() : lastError(folder.dir().resolve(node.name() + ".log"))));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/ready"))
            .timeout(Duration.ofSeconds(2)).build();
        try {
          if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            ready[i] = true;
            remaining--;
          }
        } catch (IOException notYetListening) {
          // the node is still starting
        }
      }
      if (System.nanoTime() > deadline) {
        throw new BadInput("the cluster's nodes were not all ready within " + READY_TIMEOUT.toSeconds() + " s; see the"
            + " node logs in " + folder.dir());
      }
      processes.get(0).waitFor(200, TimeUnit.MILLISECONDS);
    }
  }

  private static String errorLine(String line) {
    return line == null ? "" : ": " + line.replaceFirst("^error: ", "");
  }

  /** The last "error:" line of a node's log, if any. */
  private static String lastError(Path log) {
    try (java.util.stream.Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.startsWith("error: ")).reduce((a, b) -> b).orElse(null);
    } catch (IOException | java.io.UncheckedIOException e) {
      return null;
    }
  }

  /**
   * SIGTERM (the node leaves the cluster), then SIGKILL if it does not stop in time; one node at a time,
   * last first. Nodes that leave together wait for each other's removal until their shutdown phase
   * times out (10 s); one by one, each leaves in about a second.
   */
  private static void stop(List<Process> processes) throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }
}
