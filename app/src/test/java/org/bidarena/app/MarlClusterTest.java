package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-agent command end to end: it trains and writes its tables; the policy it trains, played by the
 * advertisers through the actors, reaches the figures it reported; and a 3-node loopback cluster of those
 * advertisers gives the one-node digest.
 */
class MarlClusterTest {
  /** 8 advertisers in 2 clusters, one short day. */
  private static String scenario(String strategy, String extra) {
    StringBuilder b = new StringBuilder("name = small-marl\ntime { days = 1, ticks-per-day = 24 }\n"
        + "customers { count = 600, shards = 2, ctr { base = 0.02 }, lift { click = 0.15 }, order-value { mean = 3.00 } }\n"
        + "journal { checkpoint-every-ticks = 12 }\nagents {\n");
    for (int j = 0; j < 8; j++) {
      b.append(String.format(Locale.ROOT, "  a%d { strategy = %s, cluster = %d, variation = %.1f, daily-budget = 0.30%s }%n",
          j, strategy, j % 2, 0.8 + 0.1 * (j / 2), extra));
    }
    return b.append("}\n").toString();
  }

  /** Trains on seeds 1 and 2 into temp/m; returns the policy file of dcmab-1 on seed 1. */
  private static Path trained(Path temp) throws Exception {
    Path base = temp.resolve("base.conf");
    Files.writeString(base, scenario("cluster-base", ""));
    Runs.Output out = Runs.capture("marl", base.toString(), "--seeds", "2", "--episodes", "3", "--step-ticks", "6",
        "--alphas", "0,1", "--threads", "1", "--out", temp.resolve("m").toString());
    assertThat(out.exitCode()).as(out.err() + out.out()).isZero();
    assertThat(out.out()).contains("dcmab-1          seed 1: total profit");
    return temp.resolve("m/policies/dcmab-1/seed-1.txt");
  }

  private static Path frozen(Path temp, Path policy) throws Exception {
    Path file = temp.resolve("frozen.conf");
    Files.writeString(file, scenario("cluster-policy",
        ", model = \"" + policy.toAbsolutePath().toString().replace("\\", "/") + "\"") + "seed = 1\n");
    return file;
  }

  @Test
  void marlShouldWriteItsTablesAndItsPolicyThroughTheActorsShouldReachWhatItReported(@TempDir Path temp)
      throws Exception {
    // given a sweep on a small market
    Path policy = trained(temp);
    Path m = temp.resolve("m");
    for (String f : List.of("runs.csv", "market.csv", "summary.csv", "comparisons.csv", "curves.csv", "report.md",
        "chart.svg")) {
      assertThat(m.resolve(f)).as(f).exists();
    }
    assertThat(Files.readString(m.resolve("report.md"))).contains("| dcmab-1 |").contains("| dcmab-0 | dcmab-1 |");
    assertThat(Files.readString(m.resolve("comparisons.csv"))).contains("dcmab-0,dcmab-1,advertisers,roi,2,");
    // when the seed-1 policy of dcmab-1 runs through the actors on seed 1
    Runs.Result r = Runs.bidarena("run", frozen(temp, policy).toString(), "--out", temp.resolve("frozen").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode summary = Runs.summary(temp.resolve("frozen")).get("agents");
    // then each cluster's revenue and cost are the ones runs.csv reported for dcmab-1 on seed 1, to the micro
    long[] revenue = new long[2];
    long[] cost = new long[2];
    for (int a = 0; a < 8; a++) {
      revenue[a % 2] += summary.get(a).get("revenueMicros").asLong();
      cost[a % 2] += summary.get(a).get("spendMicros").asLong();
    }
    List<String> rows = Files.readAllLines(m.resolve("runs.csv"));
    for (int k = 0; k < 2; k++) {
      String prefix = "dcmab-1,dcmab,1.0,false,1,agent-" + k + ",";
      String row = rows.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
      String[] p = row.substring(prefix.length()).split(",");
      assertThat(Math.round(Double.parseDouble(p[0]) * 1e6)).as("revenue of cluster %d", k).isEqualTo(revenue[k]);
      assertThat(Math.round(Double.parseDouble(p[1]) * 1e6)).as("cost of cluster %d", k).isEqualTo(cost[k]);
    }
    assertThat(cost[0] + cost[1]).as("the advertisers bought something").isPositive();
  }

  @Test
  void badInputShouldBeOneLineAndWriteNothing(@TempDir Path temp) throws Exception {
    Runs.Result none = Runs.bidarena("marl", "--out", temp.resolve("a").toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("marl needs a scenario with advertiser clusters");
    Path plain = temp.resolve("plain.conf");
    Files.writeString(plain, "customers { count = 100 }\n");
    Runs.Result noClusters = Runs.bidarena("marl", plain.toString(), "--out", temp.resolve("b").toString());
    assertThat(noClusters.exitCode()).isEqualTo(2);
    assertThat(noClusters.err()).contains("no advertiser of a cluster");
    Path base = temp.resolve("base.conf");
    Files.writeString(base, scenario("cluster-base", ""));
    Runs.Result alpha = Runs.bidarena("marl", base.toString(), "--alphas", "0,1.5", "--out", temp.resolve("c").toString());
    assertThat(alpha.exitCode()).isEqualTo(2);
    assertThat(alpha.err()).contains("--alphas takes values in [0, 1], got 1.5");
    Runs.Result step = Runs.bidarena("marl", base.toString(), "--step-ticks", "7", "--out", temp.resolve("d").toString());
    assertThat(step.exitCode()).isEqualTo(2);
    assertThat(step.err()).contains("--step-ticks must divide the scenario's 24 ticks a day, got 7");
    Path edited = temp.resolve("edited.txt");
    Files.writeString(edited, "bidarena-cluster-policy v1\nnothing else\n");
    Runs.Result model = Runs.bidarena("run", frozen(temp, edited).toString(), "--out", temp.resolve("e").toString());
    assertThat(model.exitCode()).isEqualTo(2);
    assertThat(model.err()).contains("agents.a0.model").contains("is not a cluster policy");
    for (String d : List.of("a", "b", "c", "d", "e")) {
      assertThat(temp.resolve(d)).as(d).doesNotExist();
    }
  }

  @Test
  void oneNodeAndThreeLoopbackNodesGiveTheSameDigestWithTrainedClusterAgents(@TempDir Path temp) throws Exception {
    assumeTrue(System.getenv("BIDARENA_PG_URL") != null, "skipped: BIDARENA_PG_URL is not set (.ci/run sets it)");
    // given the advertisers playing a trained cluster policy
    Path scenario = frozen(temp, trained(temp));
    // when the scenario runs on one node and on three loopback nodes
    Runs.Output one = Runs.capture("run", scenario.toString(), "--out", temp.resolve("one").toString());
    assertThat(one.exitCode()).as(one.err()).isZero();
    int artery = FreePorts.consecutive(3);
    int http = FreePorts.consecutive(3);
    Runs.Output three = Runs.capture("cluster", scenario.toString(), "--nodes", "3", "--out",
        temp.resolve("three").toString(), "--base-port", Integer.toString(artery), "--http-base-port",
        Integer.toString(http));
    assertThat(three.exitCode()).as("%s%n%s", three.err(), three.out()).isZero();
    assertThat(three.out()).contains("cluster: 3 nodes ready");
    // then both give one digest
    String digest = Runs.summary(temp.resolve("one")).get("digest").asText();
    assertThat(Runs.summary(temp.resolve("three")).get("digest").asText()).isEqualTo(digest);
  }
}
