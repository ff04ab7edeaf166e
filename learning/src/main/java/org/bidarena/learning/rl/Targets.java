package org.bidarena.learning.rl;

import org.bidarena.learning.nn.Mlp;

/** Soft target updates shared by the deterministic actor and the critic. */
final class Targets {
  private Targets() {}

  /** target = (1 - tau) target + tau online, parameter by parameter in index order. */
  static void softUpdate(Mlp target, Mlp online, double tau) {
    double[] t = target.parameters();
    double[] o = online.parameters();
    for (int i = 0; i < t.length; i++) {
      t[i] = (1 - tau) * t[i] + tau * o[i];
    }
  }
}
