package org.bidarena.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The statistics behind every interval the project prints, checked against values computed by hand. */
class StatsTest {
  private static final Bootstrap BOOT = Bootstrap.defaults();

  @Test
  void tQuantilesShouldMatchTheTables() {
    // df = 1 is the Cauchy distribution: tan(π (p - 1/2)); df = 2 has (2p - 1) / sqrt(2p(1 - p)).
    assertThat(StudentT.quantile(0.975, 1)).isCloseTo(Math.tan(Math.PI * 0.475), within(1e-9));
    assertThat(StudentT.quantile(0.975, 2)).isCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), within(1e-9));
    // printed tables: t(0.975; 4) = 2.7764, t(0.975; 9) = 2.2622, t(0.975; 19) = 2.0930, t(0.95; 10) = 1.8125
    assertThat(StudentT.quantile(0.975, 4)).isCloseTo(2.776445, within(1e-5));
    assertThat(StudentT.quantile(0.975, 9)).isCloseTo(2.262157, within(1e-5));
    assertThat(StudentT.quantile(0.975, 19)).isCloseTo(2.093024, within(1e-5));
    assertThat(StudentT.quantile(0.95, 10)).isCloseTo(1.812461, within(1e-5));
    assertThat(StudentT.quantile(0.025, 9)).isCloseTo(-2.262157, within(1e-5));
    // a large df tends to the normal's 1.959964
    assertThat(StudentT.quantile(0.975, 100_000)).isCloseTo(1.959985, within(1e-4));
  }

  @Test
  void tCdfShouldBeTheCauchyCdfAtOneDegreeOfFreedom() {
    for (double t : new double[] {-3, -0.5, 0, 0.7, 4}) {
      assertThat(StudentT.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-12));
    }
  }

  @Test
  void tIntervalShouldBeMeanPlusMinusTTimesStandardError() {
    // given d = 1..5: mean 3, sd = sqrt(10 / 4) = 1.581139, se = 0.707107, t(0.975; 4) = 2.776445
    Interval i = TInterval.of(new double[] {1, 2, 3, 4, 5}, 0.95);
    // then 3 ± 1.963243
    assertThat(i.low()).isCloseTo(1.036757, within(1e-5));
    assertThat(i.high()).isCloseTo(4.963243, within(1e-5));
    // given 2, 4, 6, 8: mean 5, sd 2.581989, se 1.290994, t(0.975; 3) = 3.182446, so 5 ± 4.108519
    Interval j = TInterval.of(new double[] {2, 4, 6, 8}, 0.95);
    assertThat(j.low()).isCloseTo(0.891481, within(1e-5));
    assertThat(j.high()).isCloseTo(9.108519, within(1e-5));
  }

  @Test
  void meanAndSdShouldUseNMinusOne() {
    assertThat(Sample.mean(new double[] {2, 4, 9})).isEqualTo(5.0);
    assertThat(Sample.sd(new double[] {2, 4, 9})).isCloseTo(Math.sqrt((9 + 1 + 16) / 2.0), within(1e-12));
  }

  @Test
  void bootstrapShouldGiveTheExactPercentilesOfATwoPointSample() {
    // given {0, 1}: resampled means are 0, 1/2, 1 with probabilities 1/4, 1/2, 1/4,
    // so the 2.5% quantile is 0 and the 97.5% quantile is 1
    Interval i = BOOT.meanInterval(new double[] {0, 1}, 0.95);
    assertThat(i).isEqualTo(new Interval(0, 1));
    // given {0, 0, 3}: P(mean = 3) = 1/27 = 3.7% > 2.5%, P(mean = 0) = 8/27: the interval is [0, 3]
    assertThat(BOOT.meanInterval(new double[] {0, 0, 3}, 0.95)).isEqualTo(new Interval(0, 3));
    // at 50% the interval of {0, 1} is the middle one, [1/2, 1/2] (P(mean <= 1/4) = 1/4 exactly, so allow an end)
    Interval half = BOOT.meanInterval(new double[] {0, 1}, 0.40);
    assertThat(half.low()).isBetween(0.0, 0.5);
    assertThat(half.high()).isEqualTo(0.5);
  }

  @Test
  void bootstrapShouldBeDeterministicForASeedAndContainTheMean() {
    double[] d = {3.2, -1.5, 0.4, 7.9, 2.2, -0.3, 5.1, 1.8, 0.0, 4.4};
    Interval first = new Bootstrap(10_000, 42).meanInterval(d, 0.95);
    Interval again = new Bootstrap(10_000, 42).meanInterval(d, 0.95);
    Interval other = new Bootstrap(10_000, 43).meanInterval(d, 0.95);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first.contains(Sample.mean(d))).isTrue();
    // The percentile interval is close to the t interval on a sample like this (about 10% narrower at n = 10).
    Interval t = TInterval.of(d, 0.95);
    assertThat(first.low()).isCloseTo(t.low(), within(0.6));
    assertThat(first.high()).isCloseTo(t.high(), within(0.6));
    assertThat(first.high() - first.low()).isLessThan(t.high() - t.low());
  }

  @Test
  void identicalArmsShouldGiveAZeroIntervalAndNoDifference() {
    double[] a = {10, 12.5, 9, 14};
    PairedComparison c = PairedComparison.of(a, a.clone(), BOOT, Verdict.Direction.HIGHER_IS_BETTER);
    assertThat(c.meanDifference()).isZero();
    assertThat(c.sdDifference()).isZero();
    assertThat(c.bootstrap()).isEqualTo(new Interval(0, 0));
    assertThat(c.t()).isEqualTo(new Interval(0, 0));
    assertThat(c.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
  }

  @Test
  void pairingShouldRemoveTheSharedSeedEffect() {
    // given B = A + 1 on every seed, while A varies a lot from seed to seed
    double[] a = {100, 5, 60, 250, 30};
    double[] b = {101, 6, 61, 251, 31};
    PairedComparison c = PairedComparison.of(a, b, BOOT, Verdict.Direction.HIGHER_IS_BETTER);
    // then the difference is exactly 1 with a zero-width interval: B is better
    assertThat(c.meanA()).isEqualTo(89.0);
    assertThat(c.meanB()).isEqualTo(90.0);
    assertThat(c.meanDifference()).isEqualTo(1.0);
    assertThat(c.bootstrap()).isEqualTo(new Interval(1, 1));
    assertThat(c.verdict()).isEqualTo(Verdict.B_BETTER);
    // and read the other way round, A is better when lower is better
    assertThat(PairedComparison.of(a, b, BOOT, Verdict.Direction.LOWER_IS_BETTER).verdict()).isEqualTo(Verdict.A_BETTER);
    assertThat(PairedComparison.of(a, b, BOOT, Verdict.Direction.NEUTRAL).verdict()).isEqualTo(Verdict.B_HIGHER);
    assertThat(PairedComparison.of(b, a, BOOT, Verdict.Direction.HIGHER_IS_BETTER).verdict()).isEqualTo(Verdict.A_BETTER);
  }

  @Test
  void aDifferenceShouldNeedBothIntervalsToExcludeZero() {
    // given differences 1, 1, 4: every resampled mean is >= 1, so the bootstrap interval is [1, 4], but
    // mean 2, sd sqrt(3), se 1 and t(0.975; 2) = 4.303 make the t interval [-2.30, 6.30]
    double[] a = {0, 0, 0};
    double[] b = {1, 1, 4};
    PairedComparison c = PairedComparison.of(a, b, BOOT, Verdict.Direction.HIGHER_IS_BETTER);
    assertThat(c.bootstrap()).isEqualTo(new Interval(1, 4));
    assertThat(c.t().low()).isCloseTo(2 - 4.302653, within(1e-5));
    // then three pairs are not enough to call it
    assertThat(c.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
  }

  @Test
  void verdictShouldNeedTheIntervalToExcludeZero() {
    assertThat(Verdict.of(new Interval(-0.1, 3), Verdict.Direction.HIGHER_IS_BETTER)).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(Verdict.of(new Interval(0, 3), Verdict.Direction.HIGHER_IS_BETTER)).isEqualTo(Verdict.NO_DIFFERENCE);
    assertThat(Verdict.of(new Interval(-3, -0.1), Verdict.Direction.HIGHER_IS_BETTER)).isEqualTo(Verdict.A_BETTER);
    assertThat(Verdict.of(new Interval(-3, -0.1), Verdict.Direction.LOWER_IS_BETTER)).isEqualTo(Verdict.B_BETTER);
  }

  @Test
  void tooFewPairsShouldBeRefused() {
    assertThatThrownBy(() -> PairedComparison.of(new double[] {1}, new double[] {2}, BOOT,
        Verdict.Direction.NEUTRAL)).hasMessageContaining("at least 2 pairs");
    assertThatThrownBy(() -> PairedComparison.of(new double[] {1, 2}, new double[] {2}, BOOT,
        Verdict.Direction.NEUTRAL)).hasMessageContaining("equal lengths");
    assertThatThrownBy(() -> new Bootstrap(10, 1)).hasMessageContaining("at least 100");
  }
}
