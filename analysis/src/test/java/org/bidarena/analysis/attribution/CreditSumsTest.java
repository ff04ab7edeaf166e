package org.bidarena.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.bidarena.analysis.BadInput;
import org.junit.jupiter.api.Test;

class CreditSumsTest {
  @Test
  void everyModelButShapleyByRateHandsOutExactlyTheTouchedConversionsAndTheirRevenue() {
    for (long seed = 1; seed <= 5; seed++) {
      // given a random log, cut with and without a lookback
      for (int lookback : new int[] {0, 30}) {
        Journeys j = Journeys.of(Logs.random(seed, 500, 6, 3000, 400), Logs.keys(6), lookback);
        assertThat(j.touchedConversions()).isPositive();
        for (String name : List.of("last", "first", "linear", "time-decay", "position", "markov1", "markov2",
            "markov3", "shapley-count")) {
          // when
          Credits c = Models.byName(name, 12).attribute(j);
          // then
          assertThat(c.totalConversions()).as("%s seed %d", name, seed)
              .isCloseTo(j.touchedConversions(), within(1e-6));
          assertThat(c.totalRevenueMicros()).as("%s seed %d", name, seed)
              .isCloseTo(j.touchedRevenue(), within(1e-6 * j.touchedRevenue()));
          for (double v : c.conversions()) {
            assertThat(v).as(name).isGreaterThanOrEqualTo(0);
          }
        }
      }
    }
  }

  @Test
  void modelsAreChosenByNameAndUnknownOnesRefused() {
    assertThat(Models.parse("last, markov2,shapley", 4).stream().map(AttributionModel::name))
        .containsExactly("last", "markov2", "shapley");
    assertThatThrownBy(() -> Models.parse("last,lst", 4)).isInstanceOf(BadInput.class)
        .hasMessageContaining("unknown model 'lst'");
    assertThatThrownBy(() -> Models.parse("last,last", 4)).isInstanceOf(BadInput.class)
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> Models.parse("markov5", 4)).isInstanceOf(BadInput.class);
    assertThatThrownBy(() -> Dimension.parse("region")).isInstanceOf(BadInput.class)
        .hasMessageContaining("agent, channel, creative, cell");
  }
}
