package org.bidarena.dashboard.panel;

import static org.bidarena.analysis.metrics.RunSummary.quote;
import static org.bidarena.analysis.metrics.RunSummary.ratio;

import java.util.StringJoiner;
import org.bidarena.analysis.metrics.AgentMetrics;

/**
 * Each agent's running totals: the page charts them over time in a moving window. Money in micros; profit is
 * revenue x the scenario's reporting.margin - spend, as in summary.json.
 */
final class AgentsPanel implements Panel {
  @Override
  public String id() {
    return "agents";
  }

  @Override
  public String json(PanelInput in) {
    StringJoiner all = new StringJoiner(", ", "[", "]");
    for (AgentMetrics a : in.totals().agents()) {
      all.add("{\"id\": " + quote(a.id()) + ", \"strategy\": " + quote(a.strategy())
          + ", \"impressions\": " + a.impressions() + ", \"clicks\": " + a.clicks()
          + ", \"conversions\": " + a.conversions() + ", \"spendMicros\": " + a.spendMicros()
          + ", \"revenueMicros\": " + a.revenueMicros() + ", \"profitMicros\": " + a.profitMicros()
          + ", \"roas\": " + ratio(a.roas()) + "}");
    }
    return all.toString();
  }
}
