package org.bidarena.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MarkovModelTest {
  private static final double E = 1e-12;

  /**
   * Three journeys: A B A -> conversion, A -> null, B -> conversion (worth 10 and 20).
   *
   * <p>Order 1 transitions: start -> A 2/3, start -> B 1/3; A -> B 1/3, A -> conversion 1/3, A -> null 1/3;
   * B -> A 1/2, B -> conversion 1/2. With p the probability of converting from a state:
   * p_A = p_B / 3 + 1/3 and p_B = p_A / 2 + 1/2, so p_A = (p_A / 2 + 1/2) / 3 + 1/3, 5/6 p_A = 1/2, p_A = 3/5,
   * p_B = 4/5, and P = 2/3 x 3/5 + 1/3 x 4/5 = 2/3 (two of three journeys convert).
   * Without A (its state leads to null): p_B = 1/2, P = 1/3 x 1/2 = 1/6, removal effect 1 - (1/6)/(2/3) = 3/4.
   * Without B: p_A = 1/3, P = 2/3 x 1/3 = 2/9, removal effect 1 - (2/9)/(2/3) = 2/3.
   * The 2 conversions split 3/4 : 2/3 = 9 : 8, so A gets 18/17 and B 16/17; the revenue 30 the same.
   */
  @Test
  void orderOneRemovalEffectsEqualTheHandComputedChain() {
    // given
    Journeys j = Journeys.of(example(), Logs.keys(2), Journeys.SINCE_PREVIOUS_CONVERSION);
    // when
    MarkovModel model = new MarkovModel(1);
    MarkovModel.Result r = model.removalEffects(j);
    Credits c = model.credits(j, r);
    // then
    assertThat(r.conversionProbability()).isCloseTo(2.0 / 3, within(E));
    assertThat(r.withoutKey()).containsExactly(new double[] {1.0 / 6, 2.0 / 9}, within(E));
    assertThat(r.removalEffect()).containsExactly(new double[] {3.0 / 4, 2.0 / 3}, within(E));
    assertThat(c.conversions()).containsExactly(new double[] {18.0 / 17, 16.0 / 17}, within(E));
    assertThat(c.revenueMicros()).containsExactly(new double[] {30 * 9.0 / 17, 30 * 8.0 / 17}, within(1e-9));
    assertThat(r.chain().states()).isEqualTo(3);
  }

  /**
   * The same journeys at order 2: start -> (A) 2/3, -> (B) 1/3; (A) -> (A,B) 1/2, -> null 1/2; (A,B) -> (B,A) 1;
   * (B,A) -> conversion 1; (B) -> conversion 1. P = 2/3 x 1/2 + 1/3 = 2/3. Without A, every state but (B) goes:
   * P = 1/3, effect 1/2. Without B, (A)'s only way on is gone: P = 0, effect 1. Split 1/2 : 1, A 2/3, B 4/3.
   */
  @Test
  void orderTwoRemovalEffectsEqualTheHandComputedChain() {
    // given
    Journeys j = Journeys.of(example(), Logs.keys(2), Journeys.SINCE_PREVIOUS_CONVERSION);
    // when
    MarkovModel model = new MarkovModel(2);
    MarkovModel.Result r = model.removalEffects(j);
    // then
    assertThat(r.chain().states()).isEqualTo(5);
    assertThat(r.conversionProbability()).isCloseTo(2.0 / 3, within(E));
    assertThat(r.removalEffect()).containsExactly(new double[] {0.5, 1}, within(E));
    assertThat(model.credits(j, r).conversions()).containsExactly(new double[] {2.0 / 3, 4.0 / 3}, within(E));
  }

  @Test
  void chainProbabilityEqualsTheObservedConversionRateOfTouchedJourneysAtOrderOne() {
    // given a random log (the order-1 chain reproduces the share of touched journeys that convert)
    Journeys j = Journeys.of(Logs.random(7, 300, 5, 2000, 150), Logs.keys(5), 0);
    long touched = 0;
    for (int i = 0; i < j.size(); i++) {
      touched += j.length(i) > 0 ? 1 : 0;
    }
    // when
    MarkovModel.Result r = new MarkovModel(1).removalEffects(j);
    // then
    assertThat(r.conversionProbability()).isCloseTo((double) j.touchedConversions() / touched, within(1e-9));
  }

  private static TouchLog example() {
    return new TouchLog(3)
        .touch(0, 1, 0, 0).touch(0, 2, 1, 0).touch(0, 3, 0, 0).conversion(0, 4, 10)
        .touch(1, 1, 0, 0)
        .touch(2, 1, 1, 0).conversion(2, 2, 20);
  }
}
