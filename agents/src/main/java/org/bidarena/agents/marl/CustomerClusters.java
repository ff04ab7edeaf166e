package org.bidarena.agents.marl;

import org.bidarena.core.customer.Stage;

/**
 * The customer clusters the multi-agent bidders price separately (the "buyer clusters" of Jin et al. 2018):
 * by stage, hot (consideration, churn risk: the stages that convert best) or cold (the rest), crossed with
 * the device, mobile or other. A bidder sees both in every auction row, so a cluster needs no hidden data.
 */
public final class CustomerClusters {
  public static final int COUNT = 4;
  /** Names in index order, for reports and model files. */
  public static final String[] NAMES = {"cold-mobile", "cold-other", "hot-mobile", "hot-other"};
  private static final int MOBILE = 0;

  private CustomerClusters() {}

  /** The cluster of a row with this stage code and device index. */
  public static int of(int stage, int device) {
    boolean hot = stage == Stage.CONSIDERATION.ordinal() || stage == Stage.CHURN_RISK.ordinal();
    return (hot ? 2 : 0) + (device == MOBILE ? 0 : 1);
  }
}
