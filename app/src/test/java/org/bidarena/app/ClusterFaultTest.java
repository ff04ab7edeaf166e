package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes that die or join in the middle of a run of loopback JVMs on PostgreSQL; every case must end
 * with the digest of the run on one node. Needs BIDARENA_PG_URL (.ci/run sets it).
 *
 * <ul>
 *   <li>A node that is not the Driver's, killed with SIGKILL: the run rewinds to its last checkpoint, and
 *       the dead node's shards and bidders restart on the survivors.
 *   <li>The Driver's node, killed with SIGKILL: the run stops, and {@code resume} on the run folder
 *       finishes it on one node.
 *   <li>A node that joins a two-node run: it takes over part of the work.
 * </ul>
 */
class ClusterFaultTest {
  private static final String[] SCENARIO = {
    "customers.count=1500", "time.days=1", "journal.checkpoint-every-ticks=24"
  };
  private static final long KILL_AFTER_TICK = 40;
  /** Early, and a run of 4 days, so that it still has most of its ticks to go when the new JVM is up. */
  private static final long JOIN_AFTER_TICK = 1;
  private static final String[] JOIN_SCENARIO = {
    "customers.count=1500", "time.days=4", "journal.checkpoint-every-ticks=24"
  };
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path faultFreeRoot;
  private static Path faultFreeDir;
  private static String faultFree;

  @BeforeAll
  static void faultFreeRunOnOneNode() throws Exception {
    boolean configured = System.getenv("BIDARENA_PG_URL") != null;
    if (!configured) {
      System.out.println("ClusterFaultTest skipped: BIDARENA_PG_URL is not set (.ci/run sets it)");
    }
    assumeTrue(configured, "skipped: BIDARENA_PG_URL is not set (.ci/run sets it)");
    faultFreeDir = faultFreeRoot.resolve("one-node");
    faultFree = Runs.run(faultFreeDir, SCENARIO).get("digest").asText();
  }

  /** A three-node run of the scenario, under way in the background. */
  private record Cluster(Path dir, int artery, int http, CompletableFuture<Runs.Output> run) {
    static Cluster start(Path dir) {
      return start(dir, 3, SCENARIO);
    }

    /** Ports for one more node are left free after the {@code nodes} nodes' ones. */
    static Cluster start(Path dir, int nodes, String[] scenario) {
      int artery = FreePorts.consecutive(nodes + 1);
      int http = FreePorts.consecutive(nodes + 1);
      return new Cluster(dir, artery, http, CompletableFuture.supplyAsync(() ->
          Runs.capture(Runs.withSets(scenario, "cluster", "--nodes", Integer.toString(nodes), "--out", dir.toString(),
              "--base-port", Integer.toString(artery), "--http-base-port", Integer.toString(http)))));
    }
  }

  @Test
  void killingANodeThatIsNotTheDriversMidRunStillEndsWithTheFaultFreeDigest(@TempDir Path temp) throws Exception {
    // given the scenario under way on three loopback JVMs
    Cluster cluster = Cluster.start(temp.resolve("cluster"));
    Path dir = cluster.dir();
    long tickAtKill = awaitTick(cluster.http(), KILL_AFTER_TICK, cluster.run());

    // when node 3 is killed with SIGKILL
    ProcessHandle node3 = nodeProcess(cluster.http() + 2);
    assertThat(node3.pid()).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(node3.destroyForcibly()).isTrue();
    node3.onExit().get(30, TimeUnit.SECONDS);

    // then the run still completes, with the digest of the run that lost nothing
    Runs.Output run = cluster.run().get(10, TimeUnit.MINUTES);
    assertThat(run.exitCode()).as("%s%n%s", run.err(), run.out()).isZero();
    assertThat(run.out()).contains("digest: " + faultFree);
    assertThat(Runs.summary(dir).get("digest").asText()).isEqualTo(faultFree);
    assertThat(Files.readString(dir.resolve("summary.json")))
        .isEqualTo(Files.readString(faultFreeDir.resolve("summary.json")));

    // and it did so by rewinding to a complete checkpoint
    String log = Files.readString(dir.resolve("run.log"));
    assertThat(log).containsPattern("was lost during tick \\d+: rewinding to checkpoint (23|47|71) ");
    assertThat(log).contains("re-running from tick");
    assertThat(tickAtKill).as("killed mid-run").isLessThan(95);
  }

  @Test
  void afterTheDriversNodeIsKilledResumeFinishesTheRunWithTheFaultFreeDigest(@TempDir Path temp) throws Exception {
    // given the scenario under way on three loopback JVMs
    Cluster cluster = Cluster.start(temp.resolve("cluster"));
    long tickAtKill = awaitTick(cluster.http(), KILL_AFTER_TICK, cluster.run());

    // when the Driver's node (node 1) is killed with SIGKILL, the cluster command stops the other nodes
    ProcessHandle node1 = nodeProcess(cluster.http());
    assertThat(node1.destroyForcibly()).isTrue();
    Runs.Output stopped = cluster.run().get(2, TimeUnit.MINUTES);
    assertThat(stopped.exitCode()).isNotZero();
    assertThat(cluster.dir().resolve("summary.json")).as("the run was cut short at tick %d", tickAtKill).doesNotExist();

    // and the run folder is resumed, on one node and the same PostgreSQL journal
    Runs.Output resumed = Runs.capture("resume", cluster.dir().toString());

    // then it ends with the fault-free digest and summary
    assertThat(resumed.exitCode()).as("%s%n%s", resumed.err(), resumed.out()).isZero();
    assertThat(resumed.out()).containsPattern("Resuming .* from checkpoint tick (23|47|71) ");
    assertThat(resumed.out()).contains("digest: " + faultFree);
    assertThat(Files.readString(cluster.dir().resolve("summary.json")))
        .isEqualTo(Files.readString(faultFreeDir.resolve("summary.json")));
  }

  @Test
  void aNodeThatJoinsMidRunTakesOverPartOfTheWork(@TempDir Path temp) throws Exception {
    // given a longer scenario's one-node digest, and the scenario under way on two loopback JVMs
    String oneNode = Runs.run(temp.resolve("one-node"), JOIN_SCENARIO).get("digest").asText();
    Cluster cluster = Cluster.start(temp.resolve("cluster"), 2, JOIN_SCENARIO);
    awaitTick(cluster.http(), JOIN_AFTER_TICK, cluster.run());

    // when a third node with the customers, exchange and agents roles joins the run
    Process node3 = startThirdNode(cluster);
    try {
      // then it is given entities, and the run ends with the digest of the run on one node
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      long entities = 0;
      while (entities == 0 && System.nanoTime() < deadline && node3.isAlive() && !cluster.run().isDone()) {
        try {
          entities = status(cluster.http() + 2).path("entitiesStarted").asLong();
        } catch (java.io.IOException notUpYet) {
          // still starting
        }
        node3.waitFor(200, TimeUnit.MILLISECONDS);
      }
      assertThat(entities).as("entities started on the joined node (alive: %s, run done: %s)%n%s", node3.isAlive(),
          cluster.run().isDone(), Files.readString(cluster.dir().resolve("node3.log"))).isPositive();
      Runs.Output run = cluster.run().get(10, TimeUnit.MINUTES);
      assertThat(run.exitCode()).as("%s%n%s", run.err(), run.out()).isZero();
      assertThat(run.out()).contains("digest: " + oneNode);
      Matcher rewind = Pattern.compile("joined during tick \\d+: rewinding to checkpoint (-?\\d+) ")
          .matcher(Files.readString(cluster.dir().resolve("run.log")));
      assertThat(rewind.find()).as("a rewind for the joined node in run.log").isTrue();
      assertThat((Long.parseLong(rewind.group(1)) + 1) % 24).as("a checkpoint tick or the start").isZero();
    } finally {
      node3.destroyForcibly();
    }
  }

  /** {@code bidarena node} as the cluster command starts its nodes, for the run under way. */
  private static Process startThirdNode(Cluster cluster) throws Exception {
    String journalConf = Files.readString(cluster.dir().resolve("journal.conf"));
    Matcher schema = Pattern.compile("schema = \"bidarena_([a-z0-9_]+)\"").matcher(journalConf);
    assertThat(schema.find()).as(journalConf).isTrue();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        BidArena.class.getName(), "node", cluster.dir().resolve("scenario.conf").toString(),
        "--roles", "customers,exchange,agents",
        "--host", "127.0.0.1",
        "--port", Integer.toString(cluster.artery() + 2),
        "--http-port", Integer.toString(cluster.http() + 2),
        "--seed-nodes", "127.0.0.1:" + cluster.artery() + ",127.0.0.1:" + (cluster.artery() + 1),
        "--run-id", schema.group(1),
        "--journal", "postgres", "--jdbc-url", System.getenv("BIDARENA_PG_URL")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(cluster.dir().resolve("node3.log").toFile());
    return builder.start();
  }

  /** Polls node 1's /status until its current tick reaches {@code tick}; fails if the cluster stops first. */
  private static long awaitTick(int httpPort, long tick, CompletableFuture<?> cluster) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      assertThat(cluster).as("the cluster stopped before tick %d", tick).isNotDone();
      try {
        long current = status(httpPort).path("currentTick").asLong(-1);
        if (current >= tick) {
          return current;
        }
      } catch (java.io.IOException notUpYet) {
        // node 1 is still starting
      }
      try {
        cluster.get(200, TimeUnit.MILLISECONDS); // a poll interval that ends early if the cluster stops
      } catch (TimeoutException stillRunning) {
        // poll again
      }
    }
    throw new AssertionError("node 1 did not reach tick " + tick + " within 5 minutes");
  }

  /** The node's process, by the id its health endpoint reports. */
  private static ProcessHandle nodeProcess(int httpPort) throws Exception {
    long pid = status(httpPort).path("pid").asLong();
    return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
  }

  private static JsonNode status(int httpPort) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/status"))
        .timeout(Duration.ofSeconds(2)).build();
    return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }
}
