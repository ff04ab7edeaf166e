package org.bidarena.analysis.stats;

/**
 * The regularized incomplete beta function I_x(a, b), from its continued fraction evaluated by the modified
 * Lentz method, using the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the fraction converges slowly.
 */
final class IncompleteBeta {
  private static final double TINY = 1e-300;
  private static final double EPS = 1e-15;

  private IncompleteBeta() {}

  static double regularized(double a, double b, double x) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * StrictMath.log(x) + b * StrictMath.log1p(-x);
    double front = StrictMath.exp(lnFront);
    if (x < (a + 1) / (a + b + 2)) {
      return front * fraction(a, b, x) / a;
    }
    return 1 - front * fraction(b, a, 1 - x) / b;
  }

  /** The continued fraction of I_x(a, b) (without its front factor). */
  private static double fraction(double a, double b, double x) {
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / nonZero(d);
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 / nonZero(1 + even * d);
      c = nonZero(1 + even / c);
      h *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 / nonZero(1 + odd * d);
      c = nonZero(1 + odd / c);
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) < EPS) {
        break;
      }
    }
    return h;
  }

  private static double nonZero(double v) {
    return Math.abs(v) < TINY ? TINY : v;
  }

  /** ln Γ(x) for x > 0, by the Lanczos approximation (g = 7, 9 terms), about 15 significant digits. */
  static double logGamma(double x) {
    if (x < 0.5) {
      // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
      return StrictMath.log(Math.PI / StrictMath.abs(StrictMath.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    double z = x - 1;
    double sum = g[0];
    for (int i = 1; i < g.length; i++) {
      sum += g[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * StrictMath.log(2 * Math.PI) + (z + 0.5) * StrictMath.log(t) - t + StrictMath.log(sum);
  }
}
