package org.bidarena.dashboard.panel;

import static org.bidarena.analysis.metrics.RunSummary.quote;
import static org.bidarena.analysis.metrics.RunSummary.ratio;

import java.util.StringJoiner;
import org.bidarena.analysis.metrics.AgentMetrics;

/** Budget pacing: each agent's spend against its daily budget times the days elapsed. */
final class PacingPanel implements Panel {
  @Override
  public String id() {
    return "pacing";
  }

  @Override
  public String json(PanelInput in) {
    double days = (double) in.totals().ticks() / in.scenario().ticksPerDay();
    StringJoiner all = new StringJoiner(", ", "[", "]");
    for (AgentMetrics a : in.totals().agents()) {
      double budget = a.dailyBudgetMicros() * days;
      all.add("{\"id\": " + quote(a.id()) + ", \"spent\": " + ratio(budget <= 0 ? 0 : a.spendMicros() / budget) + "}");
    }
    return all.toString();
  }
}
