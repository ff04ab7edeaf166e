package org.bidarena.analysis.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.bidarena.agents.external.ExternalAnswersRecorded;

/**
 * What external (OpenRTB) agents answered, per agent: requests asked, bids, and no-bids by reason
 * (declined, timeout, http-status, transport, malformed, below-floor), counted from the journaled answers.
 */
public final class ExternalCounters {
  private final Map<String, TreeMap<String, Long>> byAgent = new TreeMap<>();

  public void add(ExternalAnswersRecorded event) {
    TreeMap<String, Long> counts = byAgent.computeIfAbsent(event.agent(), a -> new TreeMap<>());
    for (String reason : event.answers().reasons()) {
      counts.merge("requests", 1L, Long::sum);
      counts.merge(reason.isEmpty() ? "bids" : reason, 1L, Long::sum);
    }
  }

  public boolean isEmpty() {
    return byAgent.isEmpty();
  }

  /** Agent id to counter name to count; a reason never seen has no key. */
  public Map<String, TreeMap<String, Long>> byAgent() {
    return byAgent;
  }

  /** {@code {"agent": {"bids": n, "requests": n, "timeout": n, ...}, ...}}, keys sorted. */
  String toJson() {
    StringBuilder b = new StringBuilder("{");
    String agentSep = "";
    for (Map.Entry<String, TreeMap<String, Long>> agent : byAgent.entrySet()) {
      b.append(agentSep).append(RunSummary.quote(agent.getKey())).append(": {");
      String sep = "";
      for (Map.Entry<String, Long> c : agent.getValue().entrySet()) {
        b.append(sep).append(RunSummary.quote(c.getKey())).append(": ").append(c.getValue());
        sep = ", ";
      }
      b.append("}");
      agentSep = ", ";
    }
    return b.append("}").toString();
  }
}
