package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scenario and seed give the same journal digest on one node with H2, on one node with
 * PostgreSQL, and on three loopback JVMs sharing PostgreSQL. Needs BIDARENA_PG_URL (.ci/run sets it).
 */
class ClusterRunTest {
  private static final String[] SCENARIO = {"customers.count=1500", "time.days=1", "journal.checkpoint-every-ticks=24"};

  @BeforeAll
  static void needsPostgres() {
    boolean configured = System.getenv("BIDARENA_PG_URL") != null;
    if (!configured) {
      System.out.println("ClusterRunTest skipped: BIDARENA_PG_URL is not set (.ci/run sets it)");
    }
    assumeTrue(configured, "skipped: BIDARENA_PG_URL is not set (.ci/run sets it)");
  }

  @Test
  void oneNodeOnH2OneNodeOnPostgresAndThreeNodesOnPostgresGiveTheSameDigest(@TempDir Path temp) throws Exception {
    // given the digest of the embedded default: one node, H2
    String h2 = Runs.run(temp.resolve("h2"), SCENARIO).get("digest").asText();

    // when the same scenario runs on one node with PostgreSQL
    Path pg = temp.resolve("pg");
    Runs.Result onePg = Runs.bidarena(withScenario("run", "--journal", "postgres", "--out", pg.toString()));
    assertThat(onePg.exitCode()).as(onePg.err()).isZero();
    assertThat(Files.readString(pg.resolve("journal.conf"))).contains("schema = \"bidarena_pg_");

    // and on a cluster of three JVMs sharing PostgreSQL
    Path cluster = temp.resolve("cluster");
    int artery = FreePorts.consecutive(3);
    int http = FreePorts.consecutive(3);
    Printed run = printed(withScenario("cluster", "--nodes", "3", "--out", cluster.toString(),
        "--base-port", Integer.toString(artery), "--http-base-port", Integer.toString(http)));

    // then all three digests agree, and the cluster really spread over three members with their roles
    assertThat(run.result().exitCode()).as("%s%n%s", run.result().err(), run.out()).isZero();
    assertThat(Runs.summary(pg).get("digest").asText()).isEqualTo(h2);
    assertThat(Runs.summary(cluster).get("digest").asText()).isEqualTo(h2);
    assertThat(run.out()).contains("cluster: 3 nodes ready").contains("digest: " + h2);
    assertThat(Files.readString(cluster.resolve("node2.log"))).contains("is up: [customers, exchange, agents]");
    assertThat(Files.readString(cluster.resolve("summary.json"))).isEqualTo(Files.readString(pg.resolve("summary.json")));

    // and the cluster's run folder resumes (here: re-reads) on its PostgreSQL journal with the same digest
    Printed resumed = printed("resume", cluster.toString());
    assertThat(resumed.result().exitCode()).as(resumed.result().err()).isZero();
    assertThat(resumed.out()).contains("digest: " + h2);
  }

  private static String[] withScenario(String... args) {
    return Runs.withSets(SCENARIO, args);
  }

  record Printed(Runs.Result result, String out) {}

  static Printed printed(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      Runs.Result result = Runs.bidarena(args);
      return new Printed(result, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }
}
