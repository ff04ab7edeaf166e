package org.bidarena.allocation;

import org.bidarena.learning.SplitMix;

/** Beta draws as X / (X + Y) of two Gamma draws (Marsaglia and Tsang's method, boosted for shapes below 1). */
final class BetaSampler {
  private BetaSampler() {}

  static double beta(SplitMix rng, double a, double b) {
    double x = gamma(rng, a);
    double y = gamma(rng, b);
    return x + y > 0 ? x / (x + y) : 0.5;
  }

  static double gamma(SplitMix rng, double shape) {
    if (shape < 1) {
      // Gamma(a) = Gamma(a + 1) * U^(1/a)
      double u = 1.0 - rng.nextDouble();
      return gamma(rng, shape + 1) * StrictMath.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / StrictMath.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1.0 - rng.nextDouble();
      if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
        return d * v;
      }
    }
  }
}
