package org.bidarena.learning.nn;

import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;

/** The Adam optimiser (Kingma and Ba 2015) over one flat parameter array, with its moments as state. */
public final class Adam {
  private final double learningRate;
  private final double beta1 = 0.9;
  private final double beta2 = 0.999;
  private final double epsilon = 1e-8;
  private final double maxNorm;
  private double[] m;
  private double[] v;
  private long steps;

  /** @param maxNorm gradients with a larger L2 norm are scaled down to it (no clipping when 0) */
  public Adam(int parameters, double learningRate, double maxNorm) {
    this.learningRate = learningRate;
    this.maxNorm = maxNorm;
    this.m = new double[parameters];
    this.v = new double[parameters];
  }

  /** One step along {@code grads} (already averaged over the batch). */
  public void step(double[] params, double[] grads) {
    double scale = 1;
    if (maxNorm > 0) {
      double sq = 0;
      for (double g : grads) {
        sq += g * g;
      }
      double norm = StrictMath.sqrt(sq);
      if (norm > maxNorm) {
        scale = maxNorm / norm;
      }
    }
    steps++;
    double c1 = 1 - StrictMath.pow(beta1, steps);
    double c2 = 1 - StrictMath.pow(beta2, steps);
    for (int i = 0; i < params.length; i++) {
      double g = grads[i] * scale;
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      params[i] -= learningRate * (m[i] / c1) / (StrictMath.sqrt(v[i] / c2) + epsilon);
    }
  }

  public long steps() {
    return steps;
  }

  public void writeTo(StateWriter w) {
    w.putLong(steps).putArray(m).putArray(v);
  }

  public void readFrom(StateReader r) {
    steps = r.getLong();
    m = r.getArray(m.length);
    v = r.getArray(v.length);
  }
}
