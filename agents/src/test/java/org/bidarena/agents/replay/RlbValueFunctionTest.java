package org.bidarena.agents.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RlbValueFunctionTest {
  private static final double TOL = 1e-5;

  /** V by the definition: the max over every bid a <= min(b, maxPrice), in doubles, no shortcut. */
  private static double[][] bruteForce(double[] m, double theta, int n, int budget) {
    double[][] v = new double[n + 1][budget + 1];
    for (int t = 1; t <= n; t++) {
      for (int b = 0; b <= budget; b++) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a <= Math.min(b, m.length - 1); a++) {
          best = Math.max(best, objective(m, theta, v[t - 1], b, a));
        }
        v[t][b] = best;
      }
    }
    return v;
  }

  /** sum_{d <= a} m(d) (theta + V(t-1, b-d)) + sum_{d > a} m(d) V(t-1, b). */
  private static double objective(double[] m, double theta, double[] prev, int b, int a) {
    double s = 0;
    for (int d = 0; d < m.length; d++) {
      s += d <= a ? m[d] * (theta + prev[b - d]) : m[d] * prev[b];
    }
    return s;
  }

  @Test
  void valueFunctionShouldEqualBruteForceOnTinyInstances() {
    // given
    long[][] histograms = {{1, 2, 3, 4}, {5, 1, 0, 3, 1}, {0, 0, 2, 7, 1}};
    for (long[] h : histograms) {
      BidLandscape landscape = new BidLandscape(h);
      double[] m = landscape.probabilities();
      for (double theta : new double[] {0.01, 0.3, 1.0}) {
        int n = 6;
        int budget = 13;
        // when
        RlbValueFunction v = RlbValueFunction.compute(landscape, theta, n, budget);
        double[][] expected = bruteForce(m, theta, n, budget);
        // then
        for (int t = 0; t <= n; t++) {
          for (int b = 0; b <= budget; b++) {
            assertThat(v.value(t, b)).as("V(%d,%d) theta %s", t, b, theta).isCloseTo(expected[t][b], within(TOL));
          }
        }
      }
    }
  }

  @Test
  void bidShouldBeTheLargestMaximiserOfTheBellmanObjective() {
    // given a landscape without zero masses, so that the largest maximiser is unique up to exact ties
    BidLandscape landscape = new BidLandscape(new long[] {1, 2, 3, 4, 2});
    double[] m = landscape.probabilities();
    double thetaV = 0.2;
    int n = 7;
    int budget = 15;
    RlbValueFunction v = RlbValueFunction.compute(landscape, thetaV, n, budget);
    double[][] exact = bruteForce(m, thetaV, n, budget);
    for (int t = 1; t <= n; t++) {
      for (int b = 0; b <= budget; b++) {
        for (double theta : new double[] {0.01, 0.05, 0.2, 0.7, 3.0}) {
          // when
          int bid = v.bid(t, b, theta);
          // then: it reaches the maximum
          double best = Double.NEGATIVE_INFINITY;
          for (int a = 0; a <= Math.min(b, m.length - 1); a++) {
            best = Math.max(best, objective(m, theta, exact[t - 1], b, a));
          }
          assertThat(objective(m, theta, exact[t - 1], b, bid)).as("t %d b %d theta %s", t, b, theta)
              .isCloseTo(best, within(TOL));
          // a larger bid is worse, unless it only adds a term with g = 0, a tie that float storage may break
          for (int a = bid + 1; a <= Math.min(b, m.length - 1); a++) {
            double g = theta + exact[t - 1][b - a] - exact[t - 1][b];
            if (Math.abs(g) > 1e-6) {
              assertThat(objective(m, theta, exact[t - 1], b, a)).isLessThan(best - 1e-9);
            }
          }
          assertThat(bid).isBetween(0, Math.min(b, m.length - 1));
        }
      }
    }
  }

  @Test
  void valueShouldNotDecreaseWithBudgetAndShouldBeAllClicksWhenBudgetCannotRunOut() {
    // given a skewed landscape over 0..300 with zero masses, like the iPinYou histogram
    long[] h = new long[301];
    for (int d = 4; d <= 300; d++) {
      h[d] = d < 80 ? 1000 - 10L * d : (d % 7 == 0 ? 0 : 5);
    }
    double theta = 0.004;
    // when
    RlbValueFunction v = RlbValueFunction.compute(new BidLandscape(h), theta, 20, 4000);
    // then
    for (int t = 0; t <= 20; t++) {
      for (int b = 1; b <= 4000; b++) {
        assertThat(v.value(t, b)).isGreaterThanOrEqualTo(v.value(t, b - 1));
      }
      if (t * 300 <= 4000) {
        assertThat(v.value(t, t * 300L)).isCloseTo(t * theta, within(1e-6));
      }
    }
    assertThat(v.bid(20, 4000, theta)).isEqualTo(300);
    assertThat(v.bid(20, 0, theta)).isZero();
    assertThat(v.bytes()).isEqualTo(21L * 4001 * 4);
  }
}
