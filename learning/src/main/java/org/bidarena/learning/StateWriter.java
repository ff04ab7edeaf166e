package org.bidarena.learning;

import java.util.Arrays;

/**
 * Builds a learner's state as the flat double[] a bidder checkpoint holds. A long goes in as two 32-bit
 * halves, each exact in a double, so no bit pattern is lost (a long's raw bits as a double could be a NaN).
 */
public final class StateWriter {
  private double[] values = new double[64];
  private int size;

  public StateWriter put(double v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
    return this;
  }

  public StateWriter putLong(long v) {
    put((double) (v >>> 32));
    return put((double) (v & 0xFFFFFFFFL));
  }

  /** The array's length, then its values. */
  public StateWriter putArray(double[] a) {
    put(a.length);
    for (double v : a) {
      put(v);
    }
    return this;
  }

  public double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
