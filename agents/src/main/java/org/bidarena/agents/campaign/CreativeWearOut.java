package org.bidarena.agents.campaign;

/**
 * The creative agent's rule: fit a least-squares line to a creative's hourly CTR over the window (3 hours by
 * default) and rotate the creative when the slope, relative to the window's mean CTR, is below the
 * threshold. Relative, so that -0.15 means "losing 15% of its CTR per hour" whatever the creative's level.
 */
public final class CreativeWearOut {
  private CreativeWearOut() {}

  /** The slope per hour of {@code hourlyCtr} divided by its mean; 0 with fewer than two points or no clicks. */
  public static double relativeSlope(double[] hourlyCtr) {
    int n = hourlyCtr.length;
    if (n < 2) {
      return 0;
    }
    double meanX = (n - 1) / 2.0;
    double meanY = 0;
    for (double y : hourlyCtr) {
      meanY += y / n;
    }
    if (meanY <= 0) {
      return 0;
    }
    double covariance = 0;
    double variance = 0;
    for (int x = 0; x < n; x++) {
      covariance += (x - meanX) * (hourlyCtr[x] - meanY);
      variance += (x - meanX) * (x - meanX);
    }
    return covariance / variance / meanY;
  }

  /** Whether a creative with this hourly CTR has worn out. */
  public static boolean wornOut(double[] hourlyCtr, CampaignRules rules) {
    return relativeSlope(hourlyCtr) < rules.wearOutSlope();
  }
}
