package org.bidarena.learning.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import org.bidarena.learning.SplitMix;
import org.junit.jupiter.api.Test;

class GaussianThompsonTest {
  @Test
  void comesToPlayTheArmOfHighestMeanAndRestoresExactly() {
    // arm means 0.1 * arm, noise sd 0.5
    GaussianThompson bandit = new GaussianThompson(5, 1, 3);
    SplitMix noise = new SplitMix(4);
    int[] late = new int[5];
    GaussianThompson copy = null;
    for (int t = 0; t < 3000; t++) {
      if (t == 1000) {
        copy = new GaussianThompson(5, 1, 99);
        copy.restore(bandit.state());
      }
      int arm = bandit.choose();
      bandit.update(arm, 0.1 * arm + 0.5 * noise.nextGaussian());
      if (t >= 2000) {
        late[arm]++;
      }
    }
    assertThat(bandit.best()).isEqualTo(4);
    assertThat(late[4]).isGreaterThan(700);
    // the copy restored at t = 1000 draws the same arms from there on
    SplitMix noise2 = new SplitMix(4);
    for (int t = 0; t < 1000; t++) {
      noise2.nextGaussian();
    }
    for (int t = 1000; t < 3000; t++) {
      int arm = copy.choose();
      copy.update(arm, 0.1 * arm + 0.5 * noise2.nextGaussian());
    }
    assertThat(copy.state()).isEqualTo(bandit.state());
  }
}
