package org.bidarena.learning.ctr;

/**
 * Which examples are held out of training to judge the model: none; a fraction chosen by a fixed hash of
 * the example's position in the data (the same examples every epoch and every run); or every example from
 * a given day on (the last days of a log, the honest test for a model that will score the future).
 */
public record Holdout(double fraction, long fromDay) {
  public static final Holdout NONE = new Holdout(0, Long.MAX_VALUE);

  public static Holdout fraction(double f) {
    if (!(f > 0 && f < 1)) {
      throw new IllegalArgumentException("holdout fraction must be above 0 and below 1, got " + f);
    }
    return new Holdout(f, Long.MAX_VALUE);
  }

  public static Holdout fromDay(long day) {
    return new Holdout(0, day);
  }

  public boolean any() {
    return fraction > 0 || fromDay != Long.MAX_VALUE;
  }

  /** Whether the example at {@code position} (0-based, in data order) of {@code day} is held out. */
  public boolean heldOut(long position, long day) {
    if (fromDay != Long.MAX_VALUE) {
      return day >= fromDay;
    }
    return fraction > 0 && (FeatureHash.mix(position + 0x5851f42d4c957f2dL) >>> 11) * 0x1.0p-53 < fraction;
  }

  public String describe() {
    return fromDay != Long.MAX_VALUE ? "days from " + fromDay : fraction > 0 ? "fraction " + fraction : "none";
  }
}
