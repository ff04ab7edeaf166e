package org.bidarena.analysis.stats;

/** A two-sided confidence interval [low, high]. */
public record Interval(double low, double high) {
  public Interval {
    if (low > high) {
      throw new IllegalArgumentException("interval low " + low + " above high " + high);
    }
  }

  public boolean contains(double x) {
    return low <= x && x <= high;
  }

  /** The interval of {@code factor} times the quantity (factor >= 0), e.g. a total from a mean. */
  public Interval times(double factor) {
    return new Interval(low * factor, high * factor);
  }
}
