package org.bidarena.learning.rl;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PpoTest {
  private static final Ppo.Config CONFIG = new Ppo.Config(2, 1, 16, 0.003, 0.0, 0.95, 0.2, 4, 32, 128, 0.0, -3, 3);

  /** Reward peaks at action 1.5 in state (1, 0) and at -1 in state (0, 1); one-step episodes. */
  private static void train(Ppo ppo, int steps) {
    for (int t = 0; t < steps; t++) {
      double[] s = t % 2 == 0 ? new double[] {1, 0} : new double[] {0, 1};
      double target = t % 2 == 0 ? 1.5 : -1;
      double a = ppo.explore(s)[0];
      ppo.reward(-(a - target) * (a - target), s, false);
    }
  }

  @Test
  void movesEachStatesMeanActionToItsBestAndNarrowsItsSpread() {
    Ppo ppo = new Ppo(CONFIG, 17);
    train(ppo, 12_000);
    assertThat(ppo.mean(new double[] {1, 0})[0]).isCloseTo(1.5, Offset.offset(0.3));
    assertThat(ppo.mean(new double[] {0, 1})[0]).isCloseTo(-1, Offset.offset(0.3));
    assertThat(ppo.logStd()).isLessThan(0);
  }

  @Test
  void theSameSeedGivesTheSameStateAndARestoredLearnerContinuesIdentically() {
    Ppo a = new Ppo(CONFIG, 2);
    Ppo b = new Ppo(CONFIG, 2);
    train(a, 300);
    train(b, 300);
    assertThat(a.state()).isEqualTo(b.state());
    Ppo copy = new Ppo(CONFIG, 99);
    copy.restore(a.state());
    train(a, 300);
    train(copy, 300);
    assertThat(copy.state()).isEqualTo(a.state());
    assertThat(new Ppo(CONFIG, 3).state()).isNotEqualTo(new Ppo(CONFIG, 2).state());
  }
}
