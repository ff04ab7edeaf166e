package org.bidarena.agents.campaign;

/**
 * The thresholds of a campaign's optimisation agents, each a scenario key under {@code campaigns.rules}. The
 * defaults are the campaign document's.
 *
 * @param ctrThreshold the CTR a cell is expected to reach; the monitor flags a cell below half of it
 * @param reallocationShare the share of active cells that lose budget (the bottom) and gain it (the top)
 * @param reallocationCut the fraction of its budget a bottom cell loses
 * @param promoteConversions a cell is promoted to evergreen above this many conversions ...
 * @param promoteRoas ... and above this ROAS
 * @param minTestBudgetMicros a cell that has spent this much with no conversion is killed
 * @param wearOutSlope a creative whose CTR trend (per hour, relative to its mean) is below this is rotated
 * @param discoveryConfidence a ZIP becomes part of a new test audience above this confidence
 * @param riskBudget the decision engine executes recommendations until their risks add up to this
 */
public record CampaignRules(double ctrThreshold, double reallocationShare, double reallocationCut,
    long promoteConversions, double promoteRoas, long minTestBudgetMicros, double wearOutSlope,
    double discoveryConfidence, double riskBudget) {

  /** The campaign document's thresholds; a test budget of 50 currency units. */
  public static final CampaignRules DEFAULTS =
      new CampaignRules(0.005, 0.2, 0.5, 100, 3.5, 50_000_000L, -0.15, 0.8, 0.2);

  public CampaignRules {
    requireIn("ctr-threshold", ctrThreshold, 0, 1);
    requireIn("reallocation-share", reallocationShare, 0, 0.5);
    requireIn("reallocation-cut", reallocationCut, 0, 1);
    requireIn("promote-roas", promoteRoas, 0, Double.MAX_VALUE);
    requireIn("discovery-confidence", discoveryConfidence, 0, 1);
    requireIn("risk-budget", riskBudget, 0, Double.MAX_VALUE);
    if (promoteConversions < 0 || minTestBudgetMicros < 0) {
      throw new IllegalArgumentException(
          "campaigns.rules.promote-conversions and min-test-budget must be 0 or more");
    }
    if (!(wearOutSlope < 0)) {
      throw new IllegalArgumentException("campaigns.rules.wear-out-slope must be below 0, was " + wearOutSlope);
    }
  }

  private static void requireIn(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          "campaigns.rules." + key + " must be in [" + min + ", " + max + "], was " + value);
    }
  }
}
