package org.bidarena.analysis.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bidarena.analysis.BadInput;

/**
 * One finished run's per-agent figures as its summary.json gives them: agent id to (key to value), in the
 * file's order; null (an undefined ratio) is kept as a missing key.
 */
public record RunValues(long seed, String digest, Map<String, Map<String, Double>> byAgent) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static RunValues read(Path summaryJson) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(summaryJson));
    } catch (IOException e) {
      throw new BadInput(summaryJson + " cannot be read: " + e.getMessage().split("\n")[0]);
    }
    if (root == null || !root.path("seed").isNumber() || !root.path("agents").isArray()) {
      throw new BadInput(summaryJson + " is damaged: it has no seed and agents (a summary.json written by 'bidarena run')");
    }
    Map<String, Map<String, Double>> agents = new LinkedHashMap<>();
    for (JsonNode agent : root.get("agents")) {
      Map<String, Double> values = new LinkedHashMap<>();
      agent.fields().forEachRemaining(f -> {
        if (f.getValue().isNumber()) {
          values.put(f.getKey(), f.getValue().asDouble());
        }
      });
      agents.put(agent.path("id").asText(), Collections.unmodifiableMap(values));
    }
    return new RunValues(root.get("seed").asLong(), root.path("digest").asText(""), Collections.unmodifiableMap(agents));
  }

  /** The metric for an agent, NaN where the run has no such agent or the figure is undefined. */
  public double value(String agent, AgentMetric metric) {
    Map<String, Double> values = byAgent.get(agent);
    return values == null ? Double.NaN : metric.of(values);
  }
}
