package org.bidarena.learning.rl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.bidarena.learning.SplitMix;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;
import org.junit.jupiter.api.Test;

class DeterministicPolicyGradientTest {
  /** A known action value: best action a* = 0.5 s, Q(s, a*) = 1. */
  private static double q(double s, double a) {
    return 1 - (a - 0.5 * s) * (a - 0.5 * s);
  }

  private static Critic trainedCritic(SplitMix rng) {
    Critic critic = new Critic(1, 1, 1, new int[] {16, 16}, 0.01, new SplitMix(3));
    for (int step = 0; step < 3000; step++) {
      double[][] s = new double[32][1], a = new double[32][1], y = new double[32][1];
      for (int b = 0; b < 32; b++) {
        s[b][0] = 2 * rng.nextDouble() - 1;
        a[b][0] = 2 * rng.nextDouble() - 1;
        y[b][0] = q(s[b][0], a[b][0]);
      }
      critic.fit(s, a, y);
    }
    return critic;
  }

  @Test
  void criticShouldLearnAKnownQuadraticAndItsActionGradient() {
    // given a critic fitted to samples of the quadratic
    Critic critic = trainedCritic(new SplitMix(11));
    // then its values and its action gradients match the quadratic's on fresh points
    for (double s = -0.8; s <= 0.8; s += 0.4) {
      for (double a = -0.8; a <= 0.8; a += 0.4) {
        assertThat(critic.q(new double[] {s}, new double[] {a})[0]).isCloseTo(q(s, a), offset(0.05));
        assertThat(critic.actionGradient(new double[] {s}, new double[] {a}, 0)[0])
            .as("dQ/da at s=%.1f a=%.1f", s, a).isCloseTo(-2 * (a - 0.5 * s), offset(0.25));
      }
    }
  }

  @Test
  void actorShouldAscendTheCriticToTheBestAction() {
    // given a fitted critic and an untrained actor
    Critic critic = trainedCritic(new SplitMix(11));
    DeterministicActor actor = new DeterministicActor(1, 1, new int[] {8}, 0.01, new SplitMix(5));
    SplitMix rng = new SplitMix(13);
    // when the actor climbs the critic's action gradient at its own actions
    for (int step = 0; step < 1500; step++) {
      double[][] s = new double[16][1], g = new double[16][];
      for (int b = 0; b < 16; b++) {
        s[b][0] = 2 * rng.nextDouble() - 1;
        g[b] = critic.actionGradient(s[b], actor.act(s[b]), 0);
      }
      actor.ascend(s, g);
    }
    // then it plays close to a* = 0.5 s
    for (double s = -0.8; s <= 0.8; s += 0.2) {
      assertThat(actor.act(new double[] {s})[0]).as("action at s=%.1f", s).isCloseTo(0.5 * s, offset(0.1));
    }
  }

  @Test
  void aSharedCriticGivesEachHeadTheGradientOfItsOwnValueByEveryAgentsAction() {
    // given two heads: Q0 depends on a0 only, Q1 on a0 + a1 (an agent whose value the other's action moves)
    Critic critic = new Critic(1, 2, 2, new int[] {16}, 0.01, new SplitMix(3));
    SplitMix rng = new SplitMix(17);
    for (int step = 0; step < 3000; step++) {
      double[][] s = new double[32][1], a = new double[32][2], y = new double[32][2];
      for (int b = 0; b < 32; b++) {
        s[b][0] = 2 * rng.nextDouble() - 1;
        a[b][0] = 2 * rng.nextDouble() - 1;
        a[b][1] = 2 * rng.nextDouble() - 1;
        y[b][0] = a[b][0];
        y[b][1] = a[b][0] + a[b][1];
      }
      critic.fit(s, a, y);
    }
    // then head 0 ignores agent 1's action and head 1 rises with both
    double[] g0 = critic.actionGradient(new double[] {0.1}, new double[] {0.2, -0.3}, 0);
    double[] g1 = critic.actionGradient(new double[] {0.1}, new double[] {0.2, -0.3}, 1);
    assertThat(g0[0]).isCloseTo(1, offset(0.15));
    assertThat(g0[1]).isCloseTo(0, offset(0.15));
    assertThat(g1[0]).isCloseTo(1, offset(0.15));
    assertThat(g1[1]).isCloseTo(1, offset(0.15));
  }

  @Test
  void sameSeedGivesTheSameBitsAndStateRestoresExactly() {
    // given two trainings of the same seed
    Critic a = trainedCritic(new SplitMix(11));
    Critic b = trainedCritic(new SplitMix(11));
    StateWriter wa = new StateWriter();
    a.writeTo(wa);
    StateWriter wb = new StateWriter();
    b.writeTo(wb);
    // then their states are the same bits, and a restored critic answers as the original
    assertThat(wa.toArray()).isEqualTo(wb.toArray());
    Critic c = new Critic(1, 1, 1, new int[] {16, 16}, 0.01, new SplitMix(99));
    StateReader r = new StateReader(wa.toArray());
    c.readFrom(r);
    r.end();
    assertThat(c.q(new double[] {0.3}, new double[] {0.1})).isEqualTo(a.q(new double[] {0.3}, new double[] {0.1}));
  }
}
