package org.bidarena.learning.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.bidarena.learning.SplitMix;
import org.junit.jupiter.api.Test;

class MlpTest {
  @Test
  void backwardGivesTheNumericalGradientOfEveryParameter() {
    // given a network and the loss 0.5 * |out|^2, whose derivative by the output is the output itself
    Mlp net = new Mlp(new int[] {3, 4, 4, 2}, new SplitMix(7));
    double[] x = {0.3, -0.8, 0.5};
    // when backward runs on it
    net.zeroGradients();
    net.backward(net.forward(x).clone());
    double[] analytic = net.gradients().clone();
    // then each gradient matches a central difference
    double[] p = net.parameters();
    for (int i = 0; i < p.length; i++) {
      double keep = p[i];
      p[i] = keep + 1e-6;
      double up = loss(net.forward(x));
      p[i] = keep - 1e-6;
      double down = loss(net.forward(x));
      p[i] = keep;
      assertThat(analytic[i]).as("parameter %d", i).isCloseTo((up - down) / 2e-6, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void adamFitsALinearTarget() {
    Mlp net = new Mlp(new int[] {1, 8, 1}, new SplitMix(3));
    Adam adam = new Adam(net.parameters().length, 0.01, 0);
    for (int step = 0; step < 2000; step++) {
      net.zeroGradients();
      for (int k = -4; k <= 4; k++) {
        double x = k / 4.0;
        double out = net.forward(new double[] {x})[0];
        net.backward(new double[] {(out - (2 * x - 0.5)) / 9});
      }
      adam.step(net.parameters(), net.gradients());
    }
    assertThat(net.forward(new double[] {0.5})[0]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.05));
    assertThat(net.forward(new double[] {-1})[0]).isCloseTo(-2.5, org.assertj.core.data.Offset.offset(0.1));
  }

  private static double loss(double[] out) {
    double s = 0;
    for (double o : out) {
      s += 0.5 * o * o;
    }
    return s;
  }
}
