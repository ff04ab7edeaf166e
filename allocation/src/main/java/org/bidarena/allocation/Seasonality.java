package org.bidarena.allocation;

import java.util.Arrays;

/** A factor on a channel's response by day of week; day 0 is a Monday, as in the market model. */
public record Seasonality(double[] factors) {
  public Seasonality {
    if (factors.length != 7) {
      throw new IllegalArgumentException("seasonality needs 7 factors (Monday first), got " + factors.length);
    }
    for (double f : factors) {
      if (!(f >= 0 && f <= 7)) {
        throw new IllegalArgumentException("seasonality factors must be 0..7, got " + f);
      }
    }
    factors = factors.clone();
  }

  public static Seasonality flat() {
    double[] f = new double[7];
    Arrays.fill(f, 1.0);
    return new Seasonality(f);
  }

  public double factor(int day) {
    return factors[Math.floorMod(day, 7)];
  }

  @Override
  public double[] factors() {
    return factors.clone();
  }
}
