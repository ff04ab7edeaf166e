package org.bidarena.app.cluster;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.journal.DriverJournal;
import org.bidarena.analysis.report.Report;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.JournalOptions;
import org.bidarena.app.command.ScenarioArgument;
import org.bidarena.app.fatal.OutOfMemoryLine;
import org.bidarena.app.node.LocalNode;
import org.bidarena.app.node.RunLog;
import org.bidarena.app.run.Simulation;
import org.bidarena.cluster.Engine;
import org.bidarena.cluster.HealthServer;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.cluster.NodeSettings;
import org.bidarena.cluster.NodeStatus;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * One node of a cluster run: what {@code bidarena cluster} starts three times and what each Docker
 * container runs. Every option has an environment variable, so the compose file needs no command line.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Starts one node of a cluster run: joins the seed nodes, hosts its roles' share of the run's actors and"
          + " serves a health endpoint (/alive, /ready, /status). The node with the driver role plays the run and"
          + " writes its results to --out; the others serve until they are stopped.",
      "Every node of a run must get the same scenario, seed, run id and journal."
    })
public final class NodeCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.conf",
      description = "A HOCON scenario laid over the default one (default: $BIDARENA_SCENARIO, else the default scenario).")
  Path scenarioFile;

  @Option(names = "--seed", paramLabel = "N", description = "The run seed (default: the scenario's seed).")
  Long seed;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides one scenario key. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--roles", paramLabel = "ROLE,...", split = ",",
      defaultValue = "${env:BIDARENA_ROLES:-driver,customers,exchange,agents}",
      description = "Roles of this node: driver, customers, exchange, agents (default: $BIDARENA_ROLES, else all).")
  List<String> roles;

  @Option(names = "--seed-nodes", paramLabel = "HOST:PORT,...", split = ",",
      defaultValue = "${env:BIDARENA_SEED_NODES:-}",
      description = "The static seed nodes (default: $BIDARENA_SEED_NODES; none: the node forms a cluster alone).")
  List<String> seedNodes = new ArrayList<>();

  @Option(names = "--host", defaultValue = "${env:BIDARENA_HOST:-127.0.0.1}",
      description = "Artery host name other nodes reach this node at, and the health endpoint's (default: $BIDARENA_HOST, else ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "${env:BIDARENA_PORT:-25520}",
      description = "Artery port (default: $BIDARENA_PORT, else 25520).")
  int port;

  @Option(names = "--http-port", defaultValue = "${env:BIDARENA_HTTP_PORT:-8558}",
      description = "Health endpoint port (default: $BIDARENA_HTTP_PORT, else 8558).")
  int httpPort;

  @Option(names = "--min-members", defaultValue = "${env:BIDARENA_MIN_MEMBERS:-1}",
      description = "Nodes that must have joined before the run starts, so that work spreads over all of them"
          + " (default: $BIDARENA_MIN_MEMBERS, else 1).")
  int minMembers;

  @Option(names = "--join-timeout", paramLabel = "SECONDS", defaultValue = "${env:BIDARENA_JOIN_TIMEOUT:-60}",
      description = "Give up (exit 2) when the seed nodes cannot be reached within this time (default: 60).")
  int joinTimeoutSeconds;

  @Option(names = "--run-id", defaultValue = "${env:BIDARENA_RUN_ID}",
      description = "Names the run's journal schema; the same on every node (default: $BIDARENA_RUN_ID).")
  String runId;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "${env:BIDARENA_OUT}",
      description = "Driver node: the run folder for scenario.conf, summary.json, ticks.csv and run.log"
          + " (default: $BIDARENA_OUT, else runs/RUN-ID).")
  Path out;

  @Option(names = "--parent-pid", hidden = true,
      description = "Stop when this process ends: 'cluster' passes its own pid, so that no node outlives it.")
  Long parentPid;

  @Mixin JournalOptions journalOptions = new JournalOptions();

  private static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,50}");

  @Override
  public Integer call() throws Exception {
    if (scenarioFile == null && System.getenv("BIDARENA_SCENARIO") != null) {
      scenarioFile = Path.of(System.getenv("BIDARENA_SCENARIO"));
    }
    watchParent();
    Scenario scenario = ScenarioLoader.load(ScenarioArgument.check(scenarioFile), overrides, seed);
    if (parentPid != null) {
      OutOfMemoryLine.clusterNode(scenario.customers().count());
    }
    NodeSettings node;
    try {
      node = new NodeSettings(host, port, roles, seedNodes.stream().filter(s -> !s.isBlank()).toList(), Duration.ofSeconds(joinTimeoutSeconds));
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
    if (runId == null || runId.isBlank()) {
      throw new BadInput("a node needs --run-id (or BIDARENA_RUN_ID): it names the run's journal, shared by every node");
    }
    if (!RUN_ID.matcher(runId).matches()) {
      throw new BadInput("--run-id '" + runId + "': use 1 to 50 letters, digits, '_' or '-' (it names a folder"
          + " under runs/ and a schema)");
    }
    Ports.requireValid("--port", port);
    Ports.requireValid("--http-port", httpPort);
    Ports.requireFree("Artery (--port)", host, port);
    Ports.requireFree("health (--http-port)", host, httpPort);
    Path dir = out != null ? out : Path.of("runs", runId);
    JournalSettings journal = journalOptions.forNewRun(dir, "postgres", runId);
    boolean driver = node.hasRole(Engine.DRIVER_ROLE);

    FileAppender<ILoggingEvent> log = null;
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), NodeSettings.SYSTEM_NAME,
        node.toConfig(journal).withValue("pekko.cluster.min-nr-of-members", ConfigValueFactory.fromAnyRef(minMembers)));
    try {
      NodeStatus status = new NodeStatus();
      try {
        HealthServer.start(system, status, host, httpPort).toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        if (!system.getWhenTerminated().toCompletableFuture().isDone()) {
          throw new BadInput("cannot serve the health endpoint on " + host + ":" + httpPort + ": " + rootMessage(e));
        }
        // else the node gave up joining while the endpoint was starting: awaitUp says so
      }
      System.out.printf("node %s:%d %s: joining %s (health on port %d)%n", host, port, node.roles(),
          seedNodes.isEmpty() ? "itself" : seedNodes, httpPort);
      awaitUp(system, node);
      // Only a node that joined makes its folder and schema: a refused node leaves nothing behind.
      RunFolder folder = driver ? runFolder(dir, scenario, journal) : null;
      log = driver ? RunLog.attach(folder) : null;
      LocalNode.prepareJournal(journal);
      LocalNode.createH2Tables(system, journal);
      Engine engine = Engine.start(system, scenario, status);
      System.out.printf("node %s:%d is up: %s, journal %s%n", host, port, node.roles(), journal.describe());
      if (!driver) {
        system.getWhenTerminated().toCompletableFuture().get();
        return 0;
      }
      DriverJournal journaled = DriverJournal.read(system);
      Simulation simulation = new Simulation(folder, scenario, System.out, journal);
      simulation.checkScenario(journaled);
      return Report.print(simulation.play(system, engine, journaled, status), folder);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      if (log != null) {
        RunLog.detach(log);
      }
    }
  }

  /** With --parent-pid: ends this node when the process that started it ends, however it ended. */
  private void watchParent() {
    if (parentPid == null) {
      return;
    }
    Runnable stop = () -> {
      System.out.println("node: the process that started it (pid " + parentPid + ") has ended; stopping");
      System.exit(1);
    };
    java.util.Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    if (parent.isEmpty()) {
      stop.run();
    }
    parent.get().onExit().thenRun(stop);
  }

  /** The Driver's node keeps the results: a new folder, or the same run's folder when it is restarted. */
  private static RunFolder runFolder(Path dir, Scenario scenario, JournalSettings journal) throws Exception {
    if (Files.isRegularFile(dir.resolve("run.json"))) {
      RunFolder folder = RunFolder.open(dir);
      String expected = RunFolder.sha256(ScenarioLoader.render(scenario));
      if (!RunFolder.sha256(ScenarioLoader.render(folder.scenario())).equals(expected)) {
        throw new BadInput(dir + " holds a run of another scenario or seed");
      }
      JournalOptions.record(dir, journal);
      return folder;
    }
    RunFolder folder = RunFolder.create(dir, scenario);
    JournalOptions.record(dir, journal);
    return folder;
  }

  /** Waits until this node is Up, or explains why it is not: it never hangs silently. */
  private static void awaitUp(ActorSystem<?> system, NodeSettings node) throws Exception {
    CompletableFuture<Boolean> up = new CompletableFuture<>();
    org.apache.pekko.cluster.Cluster classic = org.apache.pekko.cluster.Cluster.get(Adapter.toClassic(system));
    classic.registerOnMemberUp(() -> up.complete(true));
    system.getWhenTerminated().thenRun(() -> up.complete(false));
    if (node.seedNodes().isEmpty()) {
      classic.join(classic.selfAddress());
    }
    String seeds = node.seedNodes().isEmpty() ? "itself" : "the seed nodes " + node.seedNodes();
    boolean isUp;
    try {
      isUp = up.get(node.joinTimeout().toSeconds() + 30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      isUp = false;
    }
    if (!isUp) {
      throw new BadInput("node " + node.host() + ":" + node.port() + " could not join " + seeds + " within "
          + node.joinTimeout().toSeconds() + " s (or not enough members joined); check that they run and are reachable");
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }
}
