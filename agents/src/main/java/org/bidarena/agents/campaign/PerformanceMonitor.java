package org.bidarena.agents.campaign;

import java.util.List;

/** The performance monitor's rule: a cell whose CTR is under half the threshold is flagged. */
public final class PerformanceMonitor {
  private PerformanceMonitor() {}

  /** The cells, in the order given, whose CTR is strictly below half of {@code rules.ctrThreshold()}. */
  public static List<Integer> flagged(List<CellPerformance> cells, CampaignRules rules) {
    double floor = rules.ctrThreshold() / 2;
    // a cell with no impressions has no CTR yet: nothing to judge
    return cells.stream().filter(c -> c.impressions() > 0 && c.ctr() < floor).map(CellPerformance::cell).toList();
  }
}
