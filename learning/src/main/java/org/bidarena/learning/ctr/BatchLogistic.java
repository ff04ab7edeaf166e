package org.bidarena.learning.ctr;

/**
 * Plain batch logistic regression on the same hashed coordinates, as a cross-check of FTRL: full passes over
 * all examples, each a gradient step scaled per coordinate by the inverse of its diagonal Hessian (a diagonal
 * Newton step, damped by the number of coordinates an example has), with an L2 penalty. No online updates,
 * no learning-rate schedule to tune: what it converges to is the regularised maximum-likelihood fit.
 */
public final class BatchLogistic {
  private final int bits;
  private final double l2;
  private final double[] w;

  public BatchLogistic(int hashBits, double l2) {
    this.bits = hashBits;
    this.l2 = l2;
    this.w = new double[1 << hashBits];
  }

  /** Fits the examples with {@code passes} full-batch steps. */
  public void fit(EncodedExamples data, int passes) {
    double[] grad = new double[w.length];
    double[] hess = new double[w.length];
    int[] c = data.coords();
    int most = 1;
    for (int e = 0; e < data.size(); e++) {
      most = Math.max(most, data.end(e) - data.start(e));
    }
    // Every coordinate of an example steps at once, so each takes 1/(coordinates per example) of its own
    // Newton step: together they make at most one step, and the passes cannot overshoot.
    double damping = 1.0 / most;
    for (int pass = 0; pass < passes; pass++) {
      java.util.Arrays.fill(grad, 0);
      java.util.Arrays.fill(hess, 0);
      for (int e = 0; e < data.size(); e++) {
        double dot = 0;
        for (int k = data.start(e); k < data.end(e); k++) {
          dot += w[c[k]];
        }
        double p = FtrlProximal.sigmoid(dot);
        double g = p - data.label(e);
        double h = Math.max(p * (1 - p), 1e-6);
        for (int k = data.start(e); k < data.end(e); k++) {
          grad[c[k]] += g;
          hess[c[k]] += h;
        }
      }
      for (int i = 0; i < w.length; i++) {
        if (hess[i] > 0) {
          w[i] -= damping * (grad[i] + l2 * w[i]) / (hess[i] + l2);
        }
      }
    }
  }

  public double predict(int[] x, int count) {
    double dot = 0;
    for (int k = 0; k < count; k++) {
      dot += w[x[k]];
    }
    return FtrlProximal.sigmoid(dot);
  }

  public int hashBits() {
    return bits;
  }
}
