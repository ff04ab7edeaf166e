package org.bidarena.analysis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.analysis.BadInput;

/**
 * What an experiment plays and where it keeps it, as {@code experiment.json} records it in the experiment
 * folder:
 * <pre>
 *   experiment.json           this plan and its status (running, complete)
 *   arms/ARM.conf             each arm's scenario, fully resolved when the experiment started
 *   runs/ARM/seed-N/          one run folder per arm and seed, as 'bidarena run' makes it
 *   logs/ARM-seed-N.log       what that run printed
 *   runs.csv, experiment.csv, experiment.html   the results
 * </pre>
 * Every arm plays every seed (the pairing); the first arm is the baseline A of every comparison.
 */
public record ExperimentPlan(List<String> arms, List<Long> seeds, List<String> metrics, List<String> agents,
    int resamples, long bootstrapSeed, String status) {
  public static final String FILE = "experiment.json";
  public static final String KIND = "experiment";
  public static final String RUNNING = "running";
  public static final String COMPLETE = "complete";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ExperimentPlan {
    arms = List.copyOf(arms);
    seeds = List.copyOf(seeds);
    metrics = List.copyOf(metrics);
    agents = List.copyOf(agents);
  }

  public ExperimentPlan withStatus(String s) {
    return new ExperimentPlan(arms, seeds, metrics, agents, resamples, bootstrapSeed, s);
  }

  public static Path armScenario(Path dir, String arm) {
    return dir.resolve("arms").resolve(arm + ".conf");
  }

  public static Path runDir(Path dir, String arm, long seed) {
    return dir.resolve("runs").resolve(arm).resolve("seed-" + seed);
  }

  public static Path logFile(Path dir, String arm, long seed) {
    return dir.resolve("logs").resolve(arm + "-seed-" + seed + ".log");
  }

  public List<AgentMetric> agentMetrics() {
    return metrics.stream().map(AgentMetric::find).toList();
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", 1);
    root.put("kind", KIND);
    ArrayNode a = root.putArray("arms");
    arms.forEach(a::add);
    ArrayNode s = root.putArray("seeds");
    seeds.forEach(s::add);
    ArrayNode m = root.putArray("metrics");
    metrics.forEach(m::add);
    ArrayNode g = root.putArray("agents");
    agents.forEach(g::add);
    root.put("resamples", resamples);
    root.put("bootstrapSeed", bootstrapSeed);
    root.put("status", status);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plan in an experiment folder, or bad input saying why the folder is not one. */
  public static ExperimentPlan read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new BadInput(dir + " is not an experiment folder: it has no " + FILE + " (made by 'bidarena experiment')");
    }
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      if (!KIND.equals(root.path("kind").asText()) || !root.path("arms").isArray() || !root.path("seeds").isArray()) {
        throw new BadInput(file + " is damaged: it must give kind \"experiment\", arms and seeds");
      }
      return new ExperimentPlan(texts(root.get("arms")), longs(root.get("seeds")), texts(root.path("metrics")),
          texts(root.path("agents")), root.path("resamples").asInt(), root.path("bootstrapSeed").asLong(),
          root.path("status").asText());
    } catch (IOException e) {
      throw new BadInput(file + " cannot be read: " + e.getMessage().split("\n")[0]);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asLong()));
    return out;
  }
}
