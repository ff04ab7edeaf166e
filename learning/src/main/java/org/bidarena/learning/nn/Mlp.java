package org.bidarena.learning.nn;

import java.util.Arrays;
import org.bidarena.learning.SplitMix;

/**
 * A small dense network: tanh hidden layers and a linear output, all parameters in one flat array
 * (per layer: weights row by row, then biases). Loops run in a fixed order on one thread, so a forward and
 * backward pass give the same bits on every machine. Gradients accumulate in {@link #gradients()} until
 * {@link #zeroGradients()}.
 */
public final class Mlp {
  private final int[] sizes;
  private final int[] offsets;
  private final double[] params;
  private final double[] grads;
  /** Activations of the last forward pass, per layer (layer 0 = the input). */
  private final double[][] act;

  public Mlp(int[] sizes, SplitMix rng) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("a network needs an input and an output size");
    }
    this.sizes = sizes.clone();
    this.offsets = new int[sizes.length];
    int n = 0;
    for (int l = 1; l < sizes.length; l++) {
      offsets[l] = n;
      n += sizes[l - 1] * sizes[l] + sizes[l];
    }
    this.params = new double[n];
    this.grads = new double[n];
    this.act = new double[sizes.length][];
    for (int l = 0; l < sizes.length; l++) {
      act[l] = new double[sizes[l]];
    }
    for (int l = 1; l < sizes.length; l++) {
      // Glorot-uniform weights, zero biases.
      double limit = StrictMath.sqrt(6.0 / (sizes[l - 1] + sizes[l]));
      int w = sizes[l - 1] * sizes[l];
      for (int i = 0; i < w; i++) {
        params[offsets[l] + i] = (2 * rng.nextDouble() - 1) * limit;
      }
    }
  }

  /** The output for {@code input}; the returned array is reused by the next call. */
  public double[] forward(double[] input) {
    System.arraycopy(input, 0, act[0], 0, sizes[0]);
    for (int l = 1; l < sizes.length; l++) {
      int in = sizes[l - 1];
      int out = sizes[l];
      int base = offsets[l];
      int bias = base + in * out;
      boolean hidden = l < sizes.length - 1;
      for (int j = 0; j < out; j++) {
        double z = params[bias + j];
        int row = base + j * in;
        for (int i = 0; i < in; i++) {
          z += params[row + i] * act[l - 1][i];
        }
        act[l][j] = hidden ? StrictMath.tanh(z) : z;
      }
    }
    return act[sizes.length - 1];
  }

  /**
   * Adds the gradient of a loss whose derivative by the last forward pass's output is {@code dOut}, and
   * returns its derivative by the input (what a deterministic policy gradient needs of a critic).
   */
  public double[] backward(double[] dOut) {
    double[] delta = dOut.clone();
    for (int l = sizes.length - 1; l >= 1; l--) {
      int in = sizes[l - 1];
      int out = sizes[l];
      int base = offsets[l];
      int bias = base + in * out;
      double[] prev = new double[in];
      for (int j = 0; j < out; j++) {
        double d = delta[j];
        grads[bias + j] += d;
        int row = base + j * in;
        for (int i = 0; i < in; i++) {
          grads[row + i] += d * act[l - 1][i];
          prev[i] += d * params[row + i];
        }
      }
      if (l > 1) {
        for (int i = 0; i < in; i++) {
          double a = act[l - 1][i];
          prev[i] *= 1 - a * a;
        }
      }
      delta = prev;
    }
    return delta;
  }

  public void zeroGradients() {
    Arrays.fill(grads, 0);
  }

  public double[] parameters() {
    return params;
  }

  public double[] gradients() {
    return grads;
  }

  public int[] sizes() {
    return sizes.clone();
  }

  public void copyFrom(Mlp other) {
    System.arraycopy(other.params, 0, params, 0, params.length);
  }

  public void setParameters(double[] values) {
    if (values.length != params.length) {
      throw new IllegalArgumentException("network of sizes " + Arrays.toString(sizes) + " has " + params.length
          + " parameters, got " + values.length);
    }
    System.arraycopy(values, 0, params, 0, params.length);
  }
}
