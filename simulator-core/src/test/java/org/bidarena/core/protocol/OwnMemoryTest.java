package org.bidarena.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnMemoryTest {

  /** Three visits: the first remembers agents 0 and 2, the second nobody, the third agent 2 (clicked at 5). */
  private static VisitBatch batch() {
    VisitBatch.Builder b = new VisitBatch.Builder(3);
    b.visit(10, (byte) 0);
    b.memory(0, (byte) 1, 3, VisitBatch.NEVER);
    b.memory(2, (byte) 4, 7, VisitBatch.NEVER);
    b.visit(11, (byte) 1);
    b.visit(12, (byte) 2);
    b.memory(2, (byte) 2, 8, 5);
    return b.build();
  }

  @Test
  void splitShouldGiveEachAgentOnlyItsOwnRows() {
    // when
    OwnMemory[] own = OwnMemory.split(batch(), 4);

    // then
    assertThat(own[0].rows()).containsExactly(0);
    assertThat(own[0].frequencyToday()).containsExactly(1);
    assertThat(own[0].lastClickTick()).containsExactly(VisitBatch.NEVER);
    assertThat(own[1].size()).as("an agent nobody remembers gets nothing").isZero();
    assertThat(own[2].rows()).containsExactly(0, 2);
    assertThat(own[2].frequencyToday()).containsExactly(4, 2);
    assertThat(own[2].lastImpressionTick()).containsExactly(7, 8);
    assertThat(own[2].lastClickTick()).containsExactly(VisitBatch.NEVER, 5);
    assertThat(own[3].size()).isZero();
    assertThat(own[2].indexOf(2)).isEqualTo(1);
    assertThat(own[2].indexOf(1)).isEqualTo(-1);
  }

  @Test
  void concatShouldShiftTheMemoryRowsOfLaterParts() {
    // when
    VisitBatch both = VisitBatch.concat(new VisitBatch[] {batch(), VisitBatch.empty(), batch()});

    // then
    assertThat(both.size()).isEqualTo(6);
    assertThat(both.memoryStart()).containsExactly(0, 2, 2, 3, 5, 5, 6);
    assertThat(both.memoryAgent()).containsExactly(0, 2, 2, 0, 2, 2);
    assertThat(OwnMemory.split(both, 3)[2].rows()).containsExactly(0, 2, 3, 5);
  }
}
