package org.bidarena.learning.ctr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FtrlProximalTest {

  @Test
  void updatesShouldMatchTheHandComputedAlgorithm() {
    // given alpha 0.1, beta 1, no regularisation, one example of coordinates {0, 5}
    FtrlProximal f = new FtrlProximal(new FtrlSettings(0.1, 1.0, 0, 0), 4, 2);
    int[] x = {0, 5};
    // when it sees a click: p = 0.5, g = -0.5, sigma = 0.5 / 0.1 = 5, z = -0.5, n = 0.25
    double p1 = f.update(x, 2, 1);
    // then
    assertThat(p1).isEqualTo(0.5);
    assertThat(f.z(5)).isEqualTo(-0.5);
    assertThat(f.n(5)).isEqualTo(0.25);
    assertThat(f.weight(5)).isCloseTo(0.5 / 15, within(1e-15));
    // when it then sees no click (values from the paper's formulas, worked out by hand in double precision)
    double p2 = f.update(x, 2, 0);
    assertThat(p2).isCloseTo(0.5166604965694114, within(1e-15));
    assertThat(f.z(0)).isCloseTo(-0.05633418782118885, within(1e-15));
    assertThat(f.n(0)).isCloseTo(0.5169380687153508, within(1e-15));
    assertThat(f.weight(0)).isCloseTo(0.003277179198797293, within(1e-15));
    assertThat(f.examples()).isEqualTo(2);
  }

  @Test
  void l1ShouldKeepAWeightAtZeroUntilItsGradientSumPassesL1() {
    FtrlProximal f = new FtrlProximal(new FtrlSettings(0.1, 1.0, 0.6, 0), 4, 1);
    int[] x = {3};
    f.update(x, 1, 1);
    assertThat(f.z(3)).isEqualTo(-0.5);
    assertThat(f.weight(3)).isZero();
    f.update(x, 1, 1);
    assertThat(f.z(3)).isLessThan(-0.6);
    assertThat(f.weight(3)).isPositive();
  }

  @Test
  void shouldLearnAKnownRuleWellEnoughToRankClicksLikeTheTruth() {
    // given: 3 fields; the click logit is -3 + 2 [a = 1] + 1 [b = 2] - 1.5 [c = 0], plus noise fields
    FeatureLayout layout = FeatureLayout.of("synthetic", List.of("a", "b", "c", "noise"), List.of(), 16);
    CtrModel model = new CtrModel(layout, FtrlSettings.DEFAULT);
    SplittableRandom rng = new SplittableRandom(7);
    String[] v = new String[4];
    for (int i = 0; i < 200_000; i++) {
      double p = draw(rng, v);
      model.learn(v, rng.nextDouble() < p ? 1 : 0);
    }
    // when scored on fresh examples
    Scores learned = new Scores();
    Scores truth = new Scores();
    for (int i = 0; i < 50_000; i++) {
      double p = draw(rng, v);
      int y = rng.nextDouble() < p ? 1 : 0;
      learned.add(model.predict(v), y);
      truth.add(p, y);
    }
    // then it ranks as well as the true probabilities do, and is calibrated
    assertThat(truth.auc()).isGreaterThan(0.75);
    assertThat(learned.auc()).isGreaterThan(truth.auc() - 0.01);
    assertThat(learned.calibrationError(10)).isLessThan(0.01);
    assertThat(learned.logLoss()).isLessThan(truth.logLoss() + 0.005);
  }

  private static double draw(SplittableRandom rng, String[] v) {
    int a = rng.nextInt(3);
    int b = rng.nextInt(4);
    int c = rng.nextInt(2);
    v[0] = Integer.toString(a);
    v[1] = Integer.toString(b);
    v[2] = Integer.toString(c);
    v[3] = Integer.toString(rng.nextInt(1000));
    double logit = -3 + 2 * (a == 1 ? 1 : 0) + (b == 2 ? 1 : 0) - 1.5 * (c == 0 ? 1 : 0);
    return 1 / (1 + Math.exp(-logit));
  }
}
