package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.training.MarketLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bidarena train, the learned strategy in runs, and the loop as an exact replica of the actor market. */
class LearningBiddersTest {
  private static final String SMALL = "customers { count = 1500 }\ntime { days = 2, ticks-per-day = 24 }\n";

  private static Path scenario(Path temp) throws Exception {
    Path file = temp.resolve("small.conf");
    Files.writeString(file, SMALL);
    return file;
  }

  private static Path trainedModel(Path temp, String algo) throws Exception {
    Path dir = temp.resolve("train-" + algo);
    Runs.Output out = Runs.capture("train", scenario(temp).toString(), "--agent", "adaptive", "--algo", algo,
        "--episodes", "2", "--out", dir.toString());
    assertThat(out.exitCode()).as(out.err() + out.out()).isZero();
    assertThat(out.out()).contains("episode 2/2").contains("auctions/s");
    return dir.resolve("model.bin");
  }

  private static String quoted(Path p) {
    return "\"" + p.toAbsolutePath().toString().replace("\\", "/") + "\"";
  }

  @Test
  void aRunWithAFrozenAndAnOnlineLearnerReachesTheLoopsTotalsPerAgent(@TempDir Path temp) throws Exception {
    // given a trained model in the adaptive slot and an online DQN in the random slot
    Path model = trainedModel(temp, "dqn");
    String[] sets = {"agents.adaptive.strategy=learned", "agents.adaptive.model=" + quoted(model),
        "agents.random.strategy=dqn"};
    // when the scenario runs through the actors and through the loop
    JsonNode summary = Runs.run(temp.resolve("run"), withScenario(temp, sets));
    Scenario s = ScenarioLoader.load(scenario(temp), List.of(sets), null);
    MarketLoop.Totals loop = new MarketLoop(s).run();
    // then every agent's totals agree to the micro
    JsonNode agents = summary.get("agents");
    assertThat(agents.size()).isEqualTo(s.agentCount());
    for (int a = 0; a < s.agentCount(); a++) {
      JsonNode m = agents.get(a);
      assertThat(m.get("impressions").asLong()).as("impressions of %s", m.get("id")).isEqualTo(loop.impressions()[a]);
      assertThat(m.get("spendMicros").asLong()).as("spend of %s", m.get("id")).isEqualTo(loop.spendMicros()[a]);
      assertThat(m.get("clicks").asLong()).isEqualTo(loop.clicks()[a]);
      assertThat(m.get("conversions").asLong()).isEqualTo(loop.conversions()[a]);
      assertThat(m.get("revenueMicros").asLong()).isEqualTo(loop.revenueMicros()[a]);
    }
    // and the run's report shows the learning curve of the trained agent; the training folder's report is its curve
    assertThat(Runs.bidarena("report", temp.resolve("run").toString()).exitCode()).isZero();
    assertThat(Files.readString(temp.resolve("run").resolve("report.html")))
        .contains("Learning curve of adaptive (train-dqn)").contains("2 episodes; reward (profit) first");
    assertThat(Runs.bidarena("report", model.getParent().toString()).exitCode()).isZero();
    assertThat(Files.readString(model.getParent().resolve("report.html"))).contains("<canvas id=\"learning0\"");
    for (int a = 0; a < s.agentCount(); a++) {
      String id = s.agents().get(a).id();
      if (id.equals("adaptive") || id.equals("random")) {
        assertThat(loop.bids()[a]).as("the learner %s bids", id).isPositive();
      }
    }
  }

  /** The run command's scenario laid over the small one: run takes it as its SCENARIO argument. */
  private static String[] withScenario(Path temp, String[] sets) throws Exception {
    List<String> all = new ArrayList<>();
    for (String s : sets) {
      all.add(s);
    }
    // Runs.run passes --set; the small scenario's keys go in as sets too
    all.add("customers.count=1500");
    all.add("time.days=2");
    all.add("time.ticks-per-day=24");
    return all.toArray(String[]::new);
  }

  @Test
  void badTrainingInputAndBadModelFilesGetOneLineAndExitTwo(@TempDir Path temp) throws Exception {
    Runs.Result unknown = Runs.bidarena("train", "--agent", "adaptive", "--algo", "sarsa", "--out",
        temp.resolve("x").toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown algorithm 'sarsa'").contains("dqn").contains("bandit");
    assertThat(temp.resolve("x")).doesNotExist();

    Path impossible = temp.resolve("impossible.conf");
    Files.writeString(impossible, SMALL + "curriculum.stages = [{ name = basic, episodes = 5 }, { name = full }]\n");
    Runs.Result never = Runs.bidarena("train", impossible.toString(), "--agent", "adaptive", "--algo", "dqn",
        "--episodes", "5", "--out", temp.resolve("y").toString());
    assertThat(never.exitCode()).isEqualTo(2);
    assertThat(never.err()).contains("never reach stage 'full'");
    assertThat(temp.resolve("y")).doesNotExist();

    Path model = trainedModel(temp, "bandit");
    // a model trained for another agent
    Runs.Result other = Runs.bidarena("run", scenario(temp).toString(), "--out", temp.resolve("r1").toString(),
        "--set", "agents.random.strategy=learned", "--set", "agents.random.model=" + quoted(model));
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("trained for agent 'adaptive', not 'random'");
    // a model with one byte changed
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length - 3] ^= 1;
    Path corrupt = temp.resolve("corrupt.bin");
    Files.write(corrupt, bytes);
    Runs.Result bad = Runs.bidarena("run", scenario(temp).toString(), "--out", temp.resolve("r2").toString(),
        "--set", "agents.adaptive.strategy=learned", "--set", "agents.adaptive.model=" + quoted(corrupt));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("corrupt").contains("checksum");
    assertThat(bad.err().strip().lines().count()).isEqualTo(1);
    // a file that is no model at all
    Runs.Result none = Runs.bidarena("run", scenario(temp).toString(), "--out", temp.resolve("r3").toString(),
        "--set", "agents.adaptive.strategy=learned", "--set", "agents.adaptive.model=" + quoted(scenario(temp)));
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("not a BidArena model");
  }

  @Test
  void aTrainingKilledWithSigkillResumesToTheUninterruptedModelBytes(@TempDir Path temp) throws Exception {
    Path file = scenario(temp);
    Path whole = temp.resolve("whole");
    Runs.Output w = Runs.capture("train", file.toString(), "--agent", "adaptive", "--algo", "dqn", "--episodes", "8",
        "--seed", "7", "--out", whole.toString());
    assertThat(w.exitCode()).as(w.err()).isZero();

    // given a training in its own JVM, killed with SIGKILL after its second episode
    Path killed = temp.resolve("killed");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), BidArena.class.getName(), "train", file.toString(),
        "--agent", "adaptive", "--algo", "dqn", "--episodes", "8", "--seed", "7", "--out", killed.toString())
        .redirectErrorStream(true).start();
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = reader.readLine()) != null && !line.startsWith("episode 2/8")) {
      seen.append(line).append('\n');
    }
    assertThat(line).as("the training printed no second episode:%n%s", seen).isNotNull();
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(killed.resolve("model.bin")).as("the training was cut short").doesNotExist();

    // when it is resumed
    Runs.Output resumed = Runs.capture("train", "--resume", killed.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).doesNotContain("episode 1/8").contains("episode 8/8");

    // then the model and the curve are those of the training that was never interrupted
    assertThat(Files.readAllBytes(killed.resolve("model.bin"))).isEqualTo(Files.readAllBytes(whole.resolve("model.bin")));
    assertThat(Files.readString(killed.resolve("learning-curve.csv")))
        .isEqualTo(Files.readString(whole.resolve("learning-curve.csv")));
  }
}
