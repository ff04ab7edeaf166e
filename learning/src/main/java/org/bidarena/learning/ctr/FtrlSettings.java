package org.bidarena.learning.ctr;

/**
 * The settings of FTRL-Proximal (McMahan et al., KDD 2013, Algorithm 1): the per-coordinate learning rate
 * is alpha / (beta + sqrt(sum of squared gradients)); l1 and l2 regularise the weights.
 */
public record FtrlSettings(double alpha, double beta, double l1, double l2) {
  /** Settings that work on hashed click logs (alpha near 0.1 and beta 1, as in the paper's experiments). */
  public static final FtrlSettings DEFAULT = new FtrlSettings(0.1, 1.0, 1.0, 1.0);

  public FtrlSettings {
    if (!(alpha > 0) || !(beta >= 0) || !(l1 >= 0) || !(l2 >= 0) || Double.isInfinite(alpha + beta + l1 + l2)) {
      throw new IllegalArgumentException("FTRL needs alpha > 0 and beta, l1, l2 >= 0 (finite), got alpha " + alpha
          + ", beta " + beta + ", l1 " + l1 + ", l2 " + l2);
    }
  }
}
