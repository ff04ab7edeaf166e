package org.bidarena.allocation;

/**
 * Diminishing returns: the share of a channel's ceiling reached at effective spend x is
 * {@code x^s / (x^s + k^s)}, where k (money, in micros) is the spend that reaches half the ceiling and s the
 * shape. s <= 1 is concave everywhere; s > 1 is an S-curve, slow at first.
 */
public record HillSaturation(double halfSaturationMicros, double shape) {
  public HillSaturation {
    if (!(halfSaturationMicros > 0) || !(shape > 0)) {
      throw new IllegalArgumentException("half-saturation and shape must be above 0");
    }
  }

  /** The saturation at effective spend {@code x} micros, in [0, 1). */
  public double at(double x) {
    if (x <= 0) {
      return 0;
    }
    // (x/k)^s / (1 + (x/k)^s): the same value, without overflow for large spends
    double r = StrictMath.pow(x / halfSaturationMicros, shape);
    return r / (1 + r);
  }
}
