package org.bidarena.agents.campaign;

import java.util.Arrays;

/**
 * The campaign strategy's checkpoint as the doubles {@code BiddingStrategy.state()} carries: arrays written
 * and read back in the same order into arrays of the same sizes. Every value is a whole number below 2^53
 * or a double, so the round trip is exact.
 */
final class StateBuffer {
  private double[] values;
  private int at;
  private final boolean reading;

  private StateBuffer(double[] values, boolean reading) {
    this.values = values;
    this.reading = reading;
  }

  static StateBuffer writer() {
    return new StateBuffer(new double[1024], false);
  }

  static StateBuffer reader(double[] values) {
    return new StateBuffer(values, true);
  }

  double[] toArray() {
    return Arrays.copyOf(values, at);
  }

  /** Reads, or writes, one value. */
  double value(double v) {
    if (reading) {
      if (at >= values.length) {
        throw new IllegalArgumentException("campaign state ends early, at value " + at);
      }
      return values[at++];
    }
    if (at == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[at++] = v;
    return v;
  }

  StateBuffer longs(long[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (long) value(a[i]);
    }
    return this;
  }

  StateBuffer ints(int[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (int) value(a[i]);
    }
    return this;
  }

  StateBuffer booleans(boolean[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = value(a[i] ? 1 : 0) != 0;
    }
    return this;
  }

  /** After reading: every value was used. */
  void requireEnd() {
    if (at != values.length) {
      throw new IllegalArgumentException("campaign state has " + values.length + " values, expected " + at);
    }
  }
}
