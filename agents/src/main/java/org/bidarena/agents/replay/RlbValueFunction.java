package org.bidarena.agents.replay;

import java.util.stream.IntStream;

/**
 * RLB's value function (Cai et al., WSDM 2017): V(t, b), the expected clicks of the best policy with t
 * auctions and a budget of b left, for integer budgets 0..B.
 *
 * <p>An auction with market price delta ~ m is won when the bid a >= delta, and then costs delta. With the
 * impression's value theta:
 * <pre>
 *   V(t, b) = max_{0 <= a <= min(b, maxPrice)}  sum_{delta <= a} m(delta) (theta + V(t-1, b-delta))
 *                                             + sum_{delta > a}  m(delta) V(t-1, b)
 *           = V(t-1, b) + max_a sum_{delta <= a} m(delta) g(delta),
 *   g(delta) = theta + V(t-1, b-delta) - V(t-1, b),    V(0, b) = 0.
 * </pre>
 * V(t-1, .) does not decrease with the budget, so g does not increase with delta: the best bid is the
 * largest delta with g(delta) >= 0 (adding the terms up to it only adds m * g >= 0; any term after it is
 * negative or has m = 0), and a row needs only O(a*) work per budget, not O(maxPrice).
 *
 * <p>What theta is in V: the value of a future impression is not known yet, so V uses the average CTR
 * theta_avg of the training data (the paper's approximation of the expectation over the pCTR
 * distribution). The bid of the current auction uses that auction's own pCTR, see {@link #bid}.
 *
 * <p>V is held as float[t][b]: (N + 1) * (B + 1) * 4 bytes, about 126 MB for N = 1000 and c0 = 1/2.
 */
public final class RlbValueFunction {
  private final float[][] v;
  private final double[] m;
  private final int maxPrice;

  private RlbValueFunction(float[][] v, double[] m) {
    this.v = v;
    this.m = m;
    this.maxPrice = m.length - 1;
  }

  /** Computes V(t, b) for t = 0..n and b = 0..budget, with theta the value of every future impression. */
  public static RlbValueFunction compute(BidLandscape landscape, double theta, int n, long budget) {
    if (budget < 0 || budget >= Integer.MAX_VALUE || n < 0) {
      throw new IllegalArgumentException("budget " + budget + " or horizon " + n + " out of range");
    }
    int bMax = (int) budget;
    double[] m = landscape.probabilities();
    int maxPrice = m.length - 1;
    float[][] v = new float[n + 1][bMax + 1];
    // Each cell of a row depends only on the row before, so a row's budgets are split over the cores;
    // every cell is computed the same way whichever thread does it, so V does not depend on scheduling.
    int chunk = 2048;
    int chunks = (bMax + chunk) / chunk;
    for (int t = 1; t <= n; t++) {
      float[] prev = v[t - 1];
      float[] row = v[t];
      IntStream.range(0, chunks).parallel().forEach(c -> {
        int end = Math.min(bMax, (c + 1) * chunk - 1);
        for (int b = c * chunk; b <= end; b++) {
          row[b] = cell(prev, m, theta, b, Math.min(b, maxPrice));
        }
      });
    }
    return new RlbValueFunction(v, m);
  }

  /** V(t-1, b) + the sum of m(d) g(d) over d = 0.. while g(d) >= 0. */
  private static float cell(float[] prev, double[] m, double theta, int b, int limit) {
    double base = prev[b];
    double gain = 0;
    for (int d = 0; d <= limit; d++) {
      double g = theta + prev[b - d] - base;
      if (g < 0) {
        break;
      }
      gain += m[d] * g;
    }
    return (float) (base + gain);
  }

  public int horizon() {
    return v.length - 1;
  }

  public long budget() {
    return v[0].length - 1;
  }

  /** V(t, b). */
  public double value(int t, long b) {
    return v[t][(int) b];
  }

  /** The bytes V takes. */
  public long bytes() {
    return (long) v.length * v[0].length * Float.BYTES;
  }

  /**
   * The bid with t auctions left (this one included) and a budget of b left, for an impression worth theta:
   * the largest a <= min(b, maxPrice) with theta + V(t-1, b-a) - V(t-1, b) >= 0.
   */
  public int bid(int t, long b, double theta) {
    if (t < 1 || t > horizon() || b < 0 || b > budget()) {
      throw new IllegalArgumentException("(t, b) = (" + t + ", " + b + ") outside V's range (1.." + horizon()
          + ", 0.." + budget() + ")");
    }
    float[] prev = v[t - 1];
    int bi = (int) b;
    double base = prev[bi];
    int limit = Math.min(bi, maxPrice);
    int a = 0;
    for (int d = 0; d <= limit; d++) {
      if (theta + prev[bi - d] - base < 0) {
        break;
      }
      a = d;
    }
    return a;
  }

  /** The price distribution V was computed with (for tests). */
  double[] landscape() {
    return m.clone();
  }
}
