package org.bidarena.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShapleyModelTest {
  @Test
  void exactValuesEqualBruteForceOverEveryPermutationOnSmallRandomCases() {
    for (int seed = 1; seed <= 6; seed++) {
      // given a random log over 2 to 6 keys
      int n = 1 + seed;
      Journeys j = Journeys.of(Logs.random(seed, 60, n, 150, 50), Logs.keys(n), 0);
      for (boolean byRate : new boolean[] {true, false}) {
        // when
        Credits exact = new ShapleyModel(byRate).attribute(j);
        // then
        double[][] brute = bruteForce(j, n, byRate);
        assertThat(exact.conversions()).as("seed %d by rate %s", seed, byRate).containsExactly(brute[0], within(1e-9));
        assertThat(exact.revenueMicros()).as("seed %d by rate %s", seed, byRate)
            .containsExactly(brute[1], within(1e-3));
      }
    }
  }

  @Test
  void valuesSumToTheConversionsAbovetheBaselineOfJourneysWithoutTouches() {
    // given
    Journeys j = Journeys.of(Logs.random(11, 400, 4, 900, 200), Logs.keys(4), 0);
    double untouched = 0;
    double untouchedConverted = 0;
    double converted = 0;
    for (int i = 0; i < j.size(); i++) {
      converted += j.converted(i) ? 1 : 0;
      if (j.length(i) == 0) {
        untouched++;
        untouchedConverted += j.converted(i) ? 1 : 0;
      }
    }
    // when
    Credits c = new ShapleyModel(true).attribute(j);
    // then v(all) - v(empty) = conversions - journeys x baseline rate
    assertThat(c.totalConversions()).isCloseTo(converted - j.size() * untouchedConverted / untouched, within(1e-9));
  }

  @Test
  void sampledValuesLieWithinTheirStatedErrorOfTheExactOnes() {
    // given 8 keys, sampled although exact is possible
    Journeys j = Journeys.of(Logs.random(5, 300, 8, 1200, 150), Logs.keys(8), 0);
    Credits exact = new ShapleyModel(true).attribute(j);
    // when
    ShapleyModel.Result sampled = new ShapleyModel(true, 4, 4000).values(j);
    // then
    assertThat(sampled.sampled()).isTrue();
    assertThat(sampled.conversionsError()).isPositive();
    assertThat(sampled.credits().conversions())
        .containsExactly(exact.conversions(), within(4 * sampled.conversionsError()));
    // every permutation's marginals add up to v(all) - v(empty), so the sampled sum is exact
    assertThat(sampled.credits().totalConversions()).isCloseTo(exact.totalConversions(), within(1e-9));
  }

  @Test
  void refusesMoreKeysThanAMaskHolds() {
    Journeys j = Journeys.of(new TouchLog(1), Keys.named(java.util.Collections.nCopies(65, "k")), 0);
    assertThatThrownBy(() -> new ShapleyModel(true).attribute(j)).hasMessageContaining("at most 64 keys");
  }

  @Test
  void theCountGameSplitsEachConversionEquallyBetweenTheDistinctKeysOfItsPath() {
    // given a, b, a -> conversion worth 6; c -> conversion worth 3
    TouchLog log = new TouchLog(2).touch(0, 1, 0, 0).touch(0, 2, 1, 0).touch(0, 3, 0, 0).conversion(0, 4, 6)
        .touch(1, 1, 2, 0).conversion(1, 2, 3);
    // when
    Credits c = new ShapleyModel(false).attribute(Journeys.of(log, Logs.keys(3), 0));
    // then
    assertThat(c.conversions()).containsExactly(new double[] {0.5, 0.5, 1}, within(1e-12));
    assertThat(c.revenueMicros()).containsExactly(new double[] {3, 3, 3}, within(1e-12));
  }

  /** Average marginal contribution over all n! orders, with v(S) counted straight from the journeys. */
  private static double[][] bruteForce(Journeys j, int n, boolean byRate) {
    double[][] sum = new double[2][n];
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    long orders = 0;
    do {
      int coalition = 0;
      for (int p : perm) {
        double[] before = worth(j, coalition, byRate);
        coalition |= 1 << p;
        double[] after = worth(j, coalition, byRate);
        sum[0][p] += after[0] - before[0];
        sum[1][p] += after[1] - before[1];
      }
      orders++;
    } while (nextPermutation(perm));
    for (double[] row : sum) {
      for (int i = 0; i < n; i++) {
        row[i] /= orders;
      }
    }
    return sum;
  }

  private static double[] worth(Journeys j, int coalition, boolean byRate) {
    double journeys = 0;
    double conversions = 0;
    double revenue = 0;
    for (int i = 0; i < j.size(); i++) {
      boolean within = true;
      for (int p = j.start(i); p < j.start(i + 1); p++) {
        within &= (coalition & (1 << j.key(p))) != 0;
      }
      if (within) {
        journeys++;
        conversions += j.converted(i) ? 1 : 0;
        revenue += j.converted(i) ? j.value(i) : 0;
      }
    }
    if (!byRate) {
      return new double[] {conversions, revenue};
    }
    return journeys == 0 ? new double[2]
        : new double[] {j.size() * conversions / journeys, j.size() * revenue / journeys};
  }

  private static boolean nextPermutation(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int k = a.length - 1;
    while (a[k] <= a[i]) {
      k--;
    }
    int t = a[i];
    a[i] = a[k];
    a[k] = t;
    for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
      t = a[l];
      a[l] = a[r];
      a[r] = t;
    }
    return true;
  }
}
