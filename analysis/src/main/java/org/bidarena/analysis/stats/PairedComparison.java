package org.bidarena.analysis.stats;

/**
 * Two arms measured on the same units (seeds, episodes): the means of A and B, and the mean of the paired
 * differences B - A with its 95% interval by the percentile bootstrap and by Student's t. The verdict names a
 * difference only when both intervals exclude zero on the same side: the bootstrap assumes no normality, but
 * with few pairs it is too narrow (it has only n distinct values to resample), and t guards against that.
 */
public record PairedComparison(int n, double meanA, double meanB, double meanDifference, double sdDifference,
    Interval bootstrap, Interval t, Verdict verdict) {
  public static final double CONFIDENCE = 0.95;

  /** Compares {@code a[i]} with {@code b[i]} for every unit i; at least 2 pairs. */
  public static PairedComparison of(double[] a, double[] b, Bootstrap bootstrap, Verdict.Direction direction) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired samples need equal lengths, got " + a.length + " and " + b.length);
    }
    if (a.length < 2) {
      throw new IllegalArgumentException("a paired comparison needs at least 2 pairs, got " + a.length);
    }
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = b[i] - a[i];
    }
    Interval boot = bootstrap.meanInterval(d, CONFIDENCE);
    Interval t = TInterval.of(d, CONFIDENCE);
    Verdict byBootstrap = Verdict.of(boot, direction);
    Verdict verdict = byBootstrap == Verdict.of(t, direction) ? byBootstrap : Verdict.NO_DIFFERENCE;
    return new PairedComparison(a.length, Sample.mean(a), Sample.mean(b), Sample.mean(d), Sample.sd(d), boot, t,
        verdict);
  }
}
