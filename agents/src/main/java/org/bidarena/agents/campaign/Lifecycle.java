package org.bidarena.agents.campaign;

/**
 * The lifecycle manager's rule for one cell: promote to evergreen when it converts often and profitably, kill
 * it when its test budget is spent with no conversion, keep testing otherwise.
 */
public final class Lifecycle {
  /** What becomes of a cell. */
  public enum Verdict { KEEP, PROMOTE, KILL }

  private Lifecycle() {}

  public static Verdict judge(CellPerformance cell, CampaignRules rules) {
    if (cell.conversions() > rules.promoteConversions() && cell.roas() > rules.promoteRoas()) {
      return Verdict.PROMOTE;
    }
    if (cell.conversions() == 0 && cell.spendMicros() >= rules.minTestBudgetMicros()) {
      return Verdict.KILL;
    }
    return Verdict.KEEP;
  }
}
