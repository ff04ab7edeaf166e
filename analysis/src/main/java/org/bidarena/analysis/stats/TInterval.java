package org.bidarena.analysis.stats;

/** Student's t interval for a mean: mean ± t(1 - α/2, n - 1) · sd / √n. */
public final class TInterval {
  private TInterval() {}

  public static Interval of(double[] x, double confidence) {
    checkConfidence(confidence);
    if (x.length < 2) {
      throw new IllegalArgumentException("a t interval needs at least 2 values, got " + x.length);
    }
    double m = Sample.mean(x);
    double half = StudentT.quantile(1 - (1 - confidence) / 2, x.length - 1) * Sample.sd(x) / Math.sqrt(x.length);
    return new Interval(m - half, m + half);
  }

  static void checkConfidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
  }
}
