package org.bidarena.learning.rl;

import org.bidarena.learning.SplitMix;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;
import org.bidarena.learning.nn.Adam;
import org.bidarena.learning.nn.Mlp;

/**
 * An action-value function Q(s, a) with one output per head, and its target copy. One head is DDPG's
 * critic; several heads over the joint state and every agent's action make the shared critic of the
 * coordinated learners (head k estimates agent k's return). It gives the actors dQ/da by back-propagating
 * to its input.
 */
public final class Critic {
  private final Mlp net;
  private final Mlp target;
  private final Adam adam;
  private final int states;
  private final int actions;
  private final int heads;
  private final double[] input;

  public Critic(int states, int actions, int heads, int[] hidden, double learningRate, SplitMix rng) {
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = states + actions;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = heads;
    this.net = new Mlp(sizes, rng);
    this.target = new Mlp(sizes, rng);
    this.target.copyFrom(net);
    this.adam = new Adam(net.parameters().length, learningRate, 10.0);
    this.states = states;
    this.actions = actions;
    this.heads = heads;
    this.input = new double[states + actions];
  }

  public int heads() {
    return heads;
  }

  private double[] join(double[] s, double[] a) {
    if (s.length != states || a.length != actions) {
      throw new IllegalArgumentException("critic takes " + states + " state and " + actions + " action values, got "
          + s.length + " and " + a.length);
    }
    System.arraycopy(s, 0, input, 0, states);
    System.arraycopy(a, 0, input, states, actions);
    return input;
  }

  /** Q of every head, a new array. */
  public double[] q(double[] s, double[] a) {
    return net.forward(join(s, a)).clone();
  }

  /** The target copy's Q of every head, a new array. */
  public double[] qTarget(double[] s, double[] a) {
    return target.forward(join(s, a)).clone();
  }

  /**
   * One step of least squares towards {@code y} (per sample, a value per head) over a batch; returns the
   * batch's mean squared error before the step.
   */
  public double fit(double[][] s, double[][] a, double[][] y) {
    net.zeroGradients();
    double loss = 0;
    double[] d = new double[heads];
    for (int b = 0; b < s.length; b++) {
      double[] q = net.forward(join(s[b], a[b]));
      for (int h = 0; h < heads; h++) {
        double e = q[h] - y[b][h];
        loss += e * e;
        d[h] = e / (s.length * heads);
      }
      net.backward(d);
    }
    adam.step(net.parameters(), net.gradients());
    return loss / (s.length * heads);
  }

  /** dQ_head / da over the whole action vector at (s, a). It leaves no gradient behind. */
  public double[] actionGradient(double[] s, double[] a, int head) {
    net.zeroGradients();
    net.forward(join(s, a));
    double[] d = new double[heads];
    d[head] = 1;
    double[] dIn = net.backward(d);
    net.zeroGradients();
    double[] g = new double[actions];
    System.arraycopy(dIn, states, g, 0, actions);
    return g;
  }

  public void softUpdate(double tau) {
    Targets.softUpdate(target, net, tau);
  }

  public void writeTo(StateWriter w) {
    w.putArray(net.parameters()).putArray(target.parameters());
    adam.writeTo(w);
  }

  public void readFrom(StateReader r) {
    net.setParameters(r.getArray(net.parameters().length));
    target.setParameters(r.getArray(target.parameters().length));
    adam.readFrom(r);
  }
}
