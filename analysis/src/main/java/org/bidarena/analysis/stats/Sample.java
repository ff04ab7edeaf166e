package org.bidarena.analysis.stats;

/** Mean and sample standard deviation (n - 1 in the denominator) of a list of values. */
public final class Sample {
  private Sample() {}

  public static double mean(double[] x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("the mean of no values is undefined");
    }
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  /** The sample standard deviation; needs at least two values. */
  public static double sd(double[] x) {
    if (x.length < 2) {
      throw new IllegalArgumentException("a standard deviation needs at least 2 values, got " + x.length);
    }
    double m = mean(x);
    double squares = 0;
    for (double v : x) {
      squares += (v - m) * (v - m);
    }
    return Math.sqrt(squares / (x.length - 1));
  }
}
