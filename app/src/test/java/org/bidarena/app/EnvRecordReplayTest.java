package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.training.env.EnvService;
import org.bidarena.training.env.EnvSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An episode played through the step server (as a Python client plays it), recorded, then run through the
 * actors with a journal: the run reaches the episode's totals per learning agent, and replay accepts it.
 */
class EnvRecordReplayTest {
  private static final List<String> SETS = List.of("customers.count=1500", "time.days=1", "time.ticks-per-day=24");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRecordedEpisodeRunsThroughTheActorsToTheSameTotalsAndReplays(@TempDir Path temp) throws Exception {
    // given an episode of two slots (conservative keeps its own stages) played through the protocol
    List<String> runArgs = new ArrayList<>();
    for (String s : SETS) {
      runArgs.add("--set");
      runArgs.add(s);
    }
    List<String> agents = List.of("adaptive", "conservative");
    EnvService service = new EnvService(EnvSpec.of(ScenarioLoader.load(null, SETS, null), agents, 3.0, runArgs));
    call(service, "{\"op\":\"make\"}");
    call(service, "{\"op\":\"reset\",\"env\":0,\"seed\":17}");
    long[][] sums = new long[2][3];
    boolean done = false;
    for (int t = 0; !done; t++) {
      JsonNode r = call(service, "{\"op\":\"step\",\"env\":0,\"actions\":[" + (0.4 + 0.1 * (t % 19)) + ","
          + (t % 5 == 0 ? 0 : 1.9 - 0.05 * t) + "]}");
      for (int i = 0; i < 2; i++) {
        sums[i][0] += r.get("info").get("spend_micros").get(i).asLong();
        sums[i][1] += r.get("info").get("impressions").get(i).asLong();
        sums[i][2] += r.get("info").get("revenue_micros").get(i).asLong();
      }
      done = r.get("terminated").asBoolean();
    }
    // when it is recorded and its run command runs
    Path actions = temp.resolve("actions.csv");
    JsonNode recorded = call(service, "{\"op\":\"record\",\"env\":0,\"path\":" + JSON.writeValueAsString(actions.toString()) + "}");
    assertThat(Files.readAllLines(actions, StandardCharsets.UTF_8)).hasSize(25).first().isEqualTo("tick,adaptive,conservative");
    List<String> run = new ArrayList<>();
    recorded.get("run").forEach(a -> run.add(a.asText()));
    assertThat(run).contains("--seed", "17", "agents.conservative.stages=[interest,consideration]");
    Path dir = temp.resolve("run");
    run.add("--out");
    run.add(dir.toString());
    Runs.Result result = Runs.bidarena(run.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isZero();
    // then each slot's totals are the episode's, to the micro
    JsonNode summary = Runs.summary(dir);
    for (JsonNode a : summary.get("agents")) {
      int i = agents.indexOf(a.get("id").asText());
      if (i >= 0) {
        assertThat(a.get("spendMicros").asLong()).as("spend of %s", agents.get(i)).isEqualTo(sums[i][0]).isPositive();
        assertThat(a.get("impressions").asLong()).isEqualTo(sums[i][1]);
        assertThat(a.get("revenueMicros").asLong()).isEqualTo(sums[i][2]);
      }
    }
    // and replay rebuilds the run from its journal
    Runs.Result replay = Runs.bidarena("replay", dir.toString());
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(JSON.readTree(Files.readString(dir.resolve("replay-summary.json")))).isEqualTo(summary);
    // and a second record to the same file is refused, the file untouched
    assertThat(raw(service, "{\"op\":\"record\",\"env\":0,\"path\":" + JSON.writeValueAsString(actions.toString())
        + "}").get("error").asText()).contains("already exists");
  }

  @Test
  void badEnvCommandLinesGetOneLineAndExitTwo(@TempDir Path temp) {
    Runs.Result agent = Runs.bidarena("env", "serve", "--agent", "nobody", "--port", "0");
    assertThat(agent.exitCode()).isEqualTo(2);
    assertThat(agent.err()).contains("no agent 'nobody' in scenario default; it has [adaptive, aggressive");
    Runs.Result port = Runs.bidarena("env", "serve", "--port", "70000");
    assertThat(port.exitCode()).isEqualTo(2);
    assertThat(port.err()).contains("--port must be from 0 to 65535, got 70000");
    Path out = temp.resolve("trace.json");
    Runs.Result actions = Runs.bidarena("env", "trace", "--actions", "1,x", "--out", out.toString());
    assertThat(actions.exitCode()).isEqualTo(2);
    assertThat(actions.err()).contains("--actions must be multipliers separated by commas, got 'x'");
    Runs.Result range = Runs.bidarena("env", "trace", "--actions", "1,4", "--out", out.toString());
    assertThat(range.err()).contains("--actions: 4 is out of range; allowed: 0 to 3.0");
    assertThat(out).doesNotExist();
  }

  private static JsonNode raw(EnvService service, String request) throws Exception {
    return JSON.readTree(service.handle(request.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode call(EnvService service, String request) throws Exception {
    JsonNode r = raw(service, request);
    assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue();
    return r;
  }
}
