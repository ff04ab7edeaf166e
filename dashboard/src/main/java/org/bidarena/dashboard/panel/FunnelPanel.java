package org.bidarena.dashboard.panel;

import static org.bidarena.analysis.metrics.RunSummary.quote;

import java.util.StringJoiner;
import org.bidarena.core.customer.Stage;

/** The customer funnel by stage, as summary.json counts it. */
final class FunnelPanel implements Panel {
  @Override
  public String id() {
    return "funnel";
  }

  @Override
  public String json(PanelInput in) {
    StringJoiner all = new StringJoiner(", ", "{", "}");
    for (Stage s : Stage.values()) {
      all.add(quote(s.key()) + ": " + in.totals().funnel()[s.ordinal()]);
    }
    return all.toString();
  }
}
