package org.bidarena.learning.rl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DqnTest {
  private static final Dqn.Config CONFIG = new Dqn.Config(2, 3, 16, 0.01, 0.5, 1.0, 0.1, 300, 16, 500, 50);

  /** A task where the best action is 2 in state (1, 0) and 0 in state (0, 1). */
  private static void train(Dqn dqn, int steps) {
    for (int t = 0; t < steps; t++) {
      double[] s = t % 2 == 0 ? new double[] {1, 0} : new double[] {0, 1};
      int a = dqn.act(s, true);
      double r = (t % 2 == 0 ? a == 2 : a == 0) ? 1 : 0;
      double[] next = t % 2 == 0 ? new double[] {0, 1} : new double[] {1, 0};
      dqn.observe(s, a, r, next, false);
    }
  }

  @Test
  void learnsTheBestActionOfEachState() {
    Dqn dqn = new Dqn(CONFIG, 11);
    train(dqn, 1500);
    assertThat(dqn.act(new double[] {1, 0}, false)).isEqualTo(2);
    assertThat(dqn.act(new double[] {0, 1}, false)).isEqualTo(0);
  }

  @Test
  void theSameSeedGivesTheSameStateAndAnotherSeedAnother() {
    Dqn a = new Dqn(CONFIG, 5);
    Dqn b = new Dqn(CONFIG, 5);
    Dqn c = new Dqn(CONFIG, 6);
    train(a, 400);
    train(b, 400);
    train(c, 400);
    assertThat(a.state()).isEqualTo(b.state());
    assertThat(a.state()).isNotEqualTo(c.state());
  }

  @Test
  void aRestoredLearnerContinuesExactlyAsTheOriginal() {
    Dqn original = new Dqn(CONFIG, 9);
    train(original, 300);
    Dqn copy = new Dqn(CONFIG, 1234);
    copy.restore(original.state());
    train(original, 300);
    train(copy, 300);
    assertThat(copy.state()).isEqualTo(original.state());
  }
}
