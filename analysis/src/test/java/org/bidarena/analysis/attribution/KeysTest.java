package org.bidarena.analysis.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeysTest {
  private static final List<String> AGENTS = List.of("a", "b");
  private static final List<List<String>> CREATIVES = List.of(List.of("x", "y", "z"), List.of("w"));

  @Test
  void creativesAreNumberedWithinTheirAgentAndAnUnknownCreativeIsTheFirst() {
    // given
    Keys keys = Keys.of(Dimension.CREATIVE, AGENTS, CREATIVES, 0);
    // then
    assertThat(keys.names()).containsExactly("a/x", "a/y", "a/z", "b/w");
    assertThat(keys.of(0, 2, Dimension.DISPLAY, TouchLog.NO_CELL)).isEqualTo(2);
    assertThat(keys.of(1, 0, Dimension.DISPLAY, TouchLog.NO_CELL)).isEqualTo(3);
    // as the simulator's Creatives.local does, a creative number outside the agent's list counts as its first
    assertThat(keys.of(1, 5, Dimension.DISPLAY, TouchLog.NO_CELL)).isEqualTo(3);
    assertThat(keys.of(0, -1, Dimension.DISPLAY, TouchLog.NO_CELL)).isEqualTo(0);
  }

  @Test
  void aTouchWithoutACellIsLeftOutOfJourneysByCell() {
    // given one touch in cell 1, one without a cell, then a purchase
    TouchLog log = new TouchLog(1).touch(0, 1, 0, 0, Dimension.DISPLAY, 1).touch(0, 2, 1, 0, Dimension.DISPLAY,
        TouchLog.NO_CELL).conversion(0, 3, 10);
    Keys cells = Keys.of(Dimension.CELL, AGENTS, CREATIVES, 2);
    // when
    Journeys j = Journeys.of(log, cells, 0);
    // then
    assertThat(log.hasCells()).isTrue();
    assertThat(cells.names()).containsExactly("cell-0", "cell-1");
    assertThat(JourneysTest.keys(j, 0)).containsExactly(1);
    assertThat(Keys.of(Dimension.CHANNEL, AGENTS, CREATIVES, 0).names()).containsExactly("display");
  }
}
