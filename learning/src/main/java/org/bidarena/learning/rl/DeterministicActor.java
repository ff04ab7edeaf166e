package org.bidarena.learning.rl;

import org.bidarena.learning.SplitMix;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;
import org.bidarena.learning.nn.Adam;
import org.bidarena.learning.nn.Mlp;

/**
 * A deterministic policy mu(s) in [-1, 1]^n (tanh on a network's output), with a slowly following target
 * copy, as the actor of DDPG and of the coordinated multi-agent learners. It is trained by the deterministic
 * policy gradient: given dQ/da from a critic at a = mu(s), the parameters move along dQ/da x da/dtheta.
 */
public final class DeterministicActor {
  private final Mlp net;
  private final Mlp target;
  private final Adam adam;
  private final int actions;

  /** @param hidden sizes of the hidden layers */
  public DeterministicActor(int states, int actions, int[] hidden, double learningRate, SplitMix rng) {
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = states;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = actions;
    this.net = new Mlp(sizes, rng);
    this.target = new Mlp(sizes, rng);
    this.target.copyFrom(net);
    this.adam = new Adam(net.parameters().length, learningRate, 1.0);
    this.actions = actions;
  }

  public int actions() {
    return actions;
  }

  /** The action for {@code state}, a new array. */
  public double[] act(double[] state) {
    return squash(net.forward(state));
  }

  /** The target copy's action, for the critic's bootstrapped targets. */
  public double[] actTarget(double[] state) {
    return squash(target.forward(state));
  }

  private double[] squash(double[] out) {
    double[] a = new double[actions];
    for (int i = 0; i < actions; i++) {
      a[i] = StrictMath.tanh(out[i]);
    }
    return a;
  }

  /**
   * One gradient-ascent step on the mean of Q over a batch of states.
   *
   * @param dQda per state, the critic's derivative by this actor's action, taken at a = act(state)
   */
  public void ascend(double[][] states, double[][] dQda) {
    net.zeroGradients();
    double[] dOut = new double[actions];
    for (int b = 0; b < states.length; b++) {
      double[] out = net.forward(states[b]);
      for (int i = 0; i < actions; i++) {
        double a = StrictMath.tanh(out[i]);
        // Minimise -Q: the loss's derivative by the pre-tanh output.
        dOut[i] = -dQda[b][i] * (1 - a * a) / states.length;
      }
      net.backward(dOut);
    }
    adam.step(net.parameters(), net.gradients());
  }

  /** Moves the target a share {@code tau} of the way to the online network. */
  public void softUpdate(double tau) {
    Targets.softUpdate(target, net, tau);
  }

  /** The online network's parameters (the frozen policy). */
  public double[] parameters() {
    return net.parameters().clone();
  }

  public void setParameters(double[] p) {
    net.setParameters(p);
    target.setParameters(p);
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
