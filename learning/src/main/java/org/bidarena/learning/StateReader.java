package org.bidarena.learning;

/** Reads what a {@link StateWriter} wrote, in the same order; a state of the wrong shape is refused. */
public final class StateReader {
  private final double[] values;
  private int at;

  public StateReader(double[] values) {
    this.values = values;
  }

  public double get() {
    if (at >= values.length) {
      throw new IllegalArgumentException("learner state ends after " + values.length + " values; more expected");
    }
    return values[at++];
  }

  public long getLong() {
    long high = (long) get();
    long low = (long) get();
    return (high << 32) | low;
  }

  public int getInt() {
    return (int) get();
  }

  /** An array of exactly {@code expectedLength} values (-1: any length). */
  public double[] getArray(int expectedLength) {
    int n = (int) get();
    if (expectedLength >= 0 && n != expectedLength) {
      throw new IllegalArgumentException("learner state holds " + n + " values where " + expectedLength
          + " were expected");
    }
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = get();
    }
    return a;
  }

  /** Refuses trailing values: a state of another shape must not be half-read. */
  public void end() {
    if (at != values.length) {
      throw new IllegalArgumentException("learner state has " + (values.length - at) + " values too many");
    }
  }
}
