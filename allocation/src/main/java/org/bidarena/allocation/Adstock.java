package org.bidarena.allocation;

import java.util.Locale;

/**
 * Carry-over of spend: the effective spend of day d is {@code sum over l = 0..maxLag of w(l) x spend(d - l)},
 * with w(0) = 1 for both shapes, so today's own spend always counts in full.
 *
 * <ul>
 *   <li>geometric: w(l) = decay^l (decay in [0, 1));
 *   <li>Weibull: w(l) = exp(-(l / scale)^shape), the Weibull survival function, which can hold the effect
 *       for a few days and then drop (shape > 1) or fall fast and keep a long tail (shape < 1).
 * </ul>
 * Lags past {@code maxLag} weigh nothing, so a channel's memory is bounded.
 */
public record Adstock(Kind kind, double decay, double shape, double scale, int maxLag) {
  /** The two carry-over shapes. */
  public enum Kind { GEOMETRIC, WEIBULL }

  public Adstock {
    if (maxLag < 0 || maxLag > 365) {
      throw new IllegalArgumentException("max-lag must be 0..365, got " + maxLag);
    }
    if (kind == Kind.GEOMETRIC && !(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException("decay must be in [0, 1), got " + decay);
    }
    if (kind == Kind.WEIBULL && !(shape > 0 && scale > 0)) {
      throw new IllegalArgumentException("Weibull shape and scale must be above 0, got " + shape + " and " + scale);
    }
  }

  public static Adstock geometric(double decay, int maxLag) {
    return new Adstock(Kind.GEOMETRIC, decay, 0, 0, maxLag);
  }

  public static Adstock weibull(double shape, double scale, int maxLag) {
    return new Adstock(Kind.WEIBULL, 0, shape, scale, maxLag);
  }

  /** The weight of spend {@code lag} days ago. */
  public double weight(int lag) {
    if (lag < 0 || lag > maxLag) {
      return 0;
    }
    return switch (kind) {
      case GEOMETRIC -> StrictMath.pow(decay, lag);
      case WEIBULL -> lag == 0 ? 1 : StrictMath.exp(-StrictMath.pow(lag / scale, shape));
    };
  }

  /** The sum of all weights: a spend kept up every day has this times its effective value in the long run. */
  public double totalWeight() {
    double sum = 0;
    for (int lag = 0; lag <= maxLag; lag++) {
      sum += weight(lag);
    }
    return sum;
  }

  /** What earlier days' spend (spend[0..day-1], in any unit) adds to day {@code day}'s effective spend. */
  public double carry(long[] spend, int day) {
    double sum = 0;
    for (int lag = 1; lag <= maxLag && day - lag >= 0; lag++) {
      sum += weight(lag) * spend[day - lag];
    }
    return sum;
  }

  @Override
  public String toString() {
    return kind == Kind.GEOMETRIC
        ? String.format(Locale.ROOT, "geometric(decay %s, max lag %d)", decay, maxLag)
        : String.format(Locale.ROOT, "weibull(shape %s, scale %s, max lag %d)", shape, scale, maxLag);
  }
}
