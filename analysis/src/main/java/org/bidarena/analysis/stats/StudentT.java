package org.bidarena.analysis.stats;

/**
 * Student's t distribution: its CDF through the regularized incomplete beta function, and its quantiles by
 * bisection on the CDF. Plain double arithmetic (StrictMath), so the same inputs give the same bits everywhere.
 */
public final class StudentT {
  private StudentT() {}

  /** P(T <= t) for T ~ t(df), df > 0. */
  public static double cdf(double t, double df) {
    if (!(df > 0)) {
      throw new IllegalArgumentException("degrees of freedom must be positive, got " + df);
    }
    double x = df / (df + t * t);
    double tail = 0.5 * IncompleteBeta.regularized(df / 2, 0.5, x);
    return t >= 0 ? 1 - tail : tail;
  }

  /** The t with P(T <= t) = p, for 0 < p < 1: e.g. quantile(0.975, 9) = 2.2622. */
  public static double quantile(double p, double df) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("a quantile needs 0 < p < 1, got " + p);
    }
    if (p == 0.5) {
      return 0;
    }
    // The CDF is increasing: widen a bracket until it holds p, then halve it to the last bit.
    double lo = -1;
    double hi = 1;
    while (cdf(lo, df) > p) {
      lo *= 2;
    }
    while (cdf(hi, df) < p) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(hi)); i++) {
      double mid = (lo + hi) / 2;
      if (cdf(mid, df) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
