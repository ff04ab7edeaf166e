package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with a trained (frozen) agent and an online learner gives one digest on one node and on three. */
class LearnedClusterTest {
  @BeforeAll
  static void needsPostgres() {
    assumeTrue(System.getenv("BIDARENA_PG_URL") != null, "skipped: BIDARENA_PG_URL is not set (.ci/run sets it)");
  }

  @Test
  void oneNodeAndThreeLoopbackNodesGiveTheSameDigestWithLearners(@TempDir Path temp) throws Exception {
    Path scenario = temp.resolve("small.conf");
    Files.writeString(scenario, "customers { count = 1500 }\ntime { days = 1, ticks-per-day = 24 }\n"
        + "journal { checkpoint-every-ticks = 12 }\n");
    Runs.Output trained = Runs.capture("train", scenario.toString(), "--agent", "adaptive", "--algo", "ppo",
        "--episodes", "2", "--out", temp.resolve("t").toString());
    assertThat(trained.exitCode()).as(trained.err()).isZero();
    String[] sets = {"--set", "agents.adaptive.strategy=learned", "--set",
        "agents.adaptive.model=\"" + temp.resolve("t/model.bin").toAbsolutePath().toString().replace("\\", "/") + "\"",
        "--set", "agents.random.strategy=dqn"};

    Runs.Output one = Runs.capture(concat(new String[] {"run", scenario.toString(), "--out",
        temp.resolve("one").toString()}, sets));
    assertThat(one.exitCode()).as(one.err()).isZero();
    int artery = FreePorts.consecutive(3);
    int http = FreePorts.consecutive(3);
    Runs.Output three = Runs.capture(concat(new String[] {"cluster", scenario.toString(), "--nodes", "3", "--out",
        temp.resolve("three").toString(), "--base-port", Integer.toString(artery), "--http-base-port",
        Integer.toString(http)}, sets));
    assertThat(three.exitCode()).as("%s%n%s", three.err(), three.out()).isZero();
    assertThat(three.out()).contains("cluster: 3 nodes ready");
    String digest = Runs.summary(temp.resolve("one")).get("digest").asText();
    assertThat(Runs.summary(temp.resolve("three")).get("digest").asText()).isEqualTo(digest);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
