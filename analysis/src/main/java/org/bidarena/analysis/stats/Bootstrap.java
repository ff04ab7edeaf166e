package org.bidarena.analysis.stats;

import java.util.Arrays;
import org.bidarena.core.random.SeededStreams;

/**
 * The percentile bootstrap of a mean: draw n values with replacement, {@code resamples} times, and take the
 * α/2 and 1 - α/2 quantiles of the resampled means. The draws come from the {@link #RESAMPLE} stream at
 * (resample, draw), so one seed gives the same interval on any machine and any thread.
 */
public final class Bootstrap {
  public static final SeededStreams.Stream RESAMPLE = SeededStreams.Stream.register("bootstrap-resample", 0xB007_5001L);
  public static final int DEFAULT_RESAMPLES = 10_000;
  public static final long DEFAULT_SEED = 1;

  private final int resamples;
  private final long seed;

  public Bootstrap(int resamples, long seed) {
    if (resamples < 100) {
      throw new IllegalArgumentException("the bootstrap needs at least 100 resamples, got " + resamples);
    }
    this.resamples = resamples;
    this.seed = seed;
  }

  public static Bootstrap defaults() {
    return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED);
  }

  public int resamples() {
    return resamples;
  }

  public long seed() {
    return seed;
  }

  /** The interval of the mean of {@code x} (at least 2 values) at the given confidence. */
  public Interval meanInterval(double[] x, double confidence) {
    TInterval.checkConfidence(confidence);
    if (x.length < 2) {
      throw new IllegalArgumentException("a bootstrap interval needs at least 2 values, got " + x.length);
    }
    SeededStreams streams = new SeededStreams(seed);
    double[] means = new double[resamples];
    int n = x.length;
    for (int r = 0; r < resamples; r++) {
      long key = streams.key(RESAMPLE, r);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += x[SeededStreams.below(SeededStreams.next(key, i), n)];
      }
      means[r] = sum / n;
    }
    Arrays.sort(means);
    double alpha = 1 - confidence;
    return new Interval(quantile(means, alpha / 2), quantile(means, 1 - alpha / 2));
  }

  /** The q-quantile of sorted values, interpolating linearly between order statistics (R's type 7). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
