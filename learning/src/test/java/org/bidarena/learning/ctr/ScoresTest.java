package org.bidarena.learning.ctr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoresTest {
  @Test
  void aucShouldCountPairsAndHalveTies() {
    // given positives at 0.9 and 0.5, negatives at 0.5, 0.2, 0.1
    Scores s = new Scores();
    s.add(0.9, 1);
    s.add(0.5, 1);
    s.add(0.5, 0);
    s.add(0.2, 0);
    s.add(0.1, 0);
    // then 6 pairs: 0.9 beats 3, 0.5 beats 2 and ties 1: (3 + 2 + 0.5) / 6
    assertThat(s.auc()).isCloseTo(5.5 / 6, within(1e-12));
    assertThat(s.logLoss()).isCloseTo(
        -(Math.log(0.9) + Math.log(0.5) + Math.log(0.5) + Math.log(0.8) + Math.log(0.9)) / 5, within(1e-12));
  }

  @Test
  void calibrationErrorShouldWeighEachBinsGap() {
    // given two bins: predicted 0.1 with 1 click in 4, predicted 0.5 with 2 in 4
    Scores s = new Scores();
    for (int i = 0; i < 4; i++) {
      s.add(0.1, i == 0 ? 1 : 0);
      s.add(0.5, i < 2 ? 1 : 0);
    }
    assertThat(s.calibration(2)).extracting(Scores.Bin::observed).containsExactly(0.25, 0.5);
    assertThat(s.calibrationError(2)).isCloseTo((0.15 + 0.0) / 2, within(1e-12));
  }
}
