package org.bidarena.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JourneysTest {
  @Test
  void conversionsCutACustomersTouchesAndASameTickTouchCountsBeforeThePurchase() {
    // given customer 0: touches a@1, b@5, c@9 (given out of order), purchases at 5 and 20; customer 1 nothing
    TouchLog log = new TouchLog(2).touch(0, 9, 2, 0).touch(0, 1, 0, 0).touch(0, 5, 1, 0)
        .conversion(0, 20, 7).conversion(0, 5, 3);
    // when
    Journeys j = Journeys.of(log, Logs.keys(3), Journeys.SINCE_PREVIOUS_CONVERSION);
    // then: [a b] -> conversion at 5, [c] -> conversion at 20, [] no conversion; customer 1: []
    assertThat(j.size()).isEqualTo(4);
    assertThat(keys(j, 0)).containsExactly(0, 1);
    assertThat(j.conversionTick(0)).isEqualTo(5);
    assertThat(j.value(0)).isEqualTo(3);
    assertThat(keys(j, 1)).containsExactly(2);
    assertThat(j.value(1)).isEqualTo(7);
    assertThat(j.length(2)).isZero();
    assertThat(j.converted(2)).isFalse();
    assertThat(j.length(3)).isZero();
    assertThat(j.touchedConversions()).isEqualTo(2);
    assertThat(j.touchedRevenue()).isEqualTo(10);
  }

  @Test
  void lookbackDropsTouchesTooOldForTheConversionButKeepsThemOutOfLaterJourneys() {
    // given touches at 0, 10, 18 and a purchase at 20, lookback 5 ticks; then a touch at 25 that does not convert
    TouchLog log = new TouchLog(1).touch(0, 0, 0, 0).touch(0, 10, 1, 0).touch(0, 18, 2, 0).touch(0, 25, 1, 0)
        .conversion(0, 20, 1);
    // when
    Journeys j = Journeys.of(log, Logs.keys(3), 5);
    // then
    assertThat(keys(j, 0)).containsExactly(2);
    assertThat(keys(j, 1)).containsExactly(1);
  }

  static int[] keys(Journeys j, int journey) {
    int[] out = new int[j.length(journey)];
    for (int p = 0; p < out.length; p++) {
      out[p] = j.key(j.start(journey) + p);
    }
    return out;
  }
}
