package org.bidarena.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bidarena.core.journal.RestorePoint;
import org.junit.jupiter.api.Test;

class IncarnationTest {
  @Test
  void anEntityIdShouldGiveBackItsKeyAndIncarnation() {
    Incarnation incarnation = Incarnation.first(new RestorePoint(95)).next(191);

    String id = incarnation.entityId("agent@east");

    assertThat(Incarnation.keyOf(id)).isEqualTo("agent@east");
    assertThat(Incarnation.ofEntityId(id)).isEqualTo(new Incarnation(1, 191));
    assertThat(Incarnation.ofEntityId(id).restorePoint()).isEqualTo(new RestorePoint(191));
  }

  @Test
  void theFirstIncarnationOfANewRunShouldStartFromScratch() {
    Incarnation first = Incarnation.first(RestorePoint.START);

    assertThat(first.epoch()).isZero();
    assertThat(first.restorePoint().isStart()).isTrue();
    assertThat(Incarnation.ofEntityId(first.entityId("3"))).isEqualTo(first);
  }

  @Test
  void incarnationsOfTheSameEntityShouldHaveDistinctIds() {
    Incarnation first = Incarnation.first(new RestorePoint(95));

    assertThat(first.entityId("3")).isNotEqualTo(first.next(95).entityId("3"));
  }

  @Test
  void anIdWithoutIncarnationShouldBeRefused() {
    assertThatThrownBy(() -> Incarnation.ofEntityId("3")).hasMessageContaining("3 has no incarnation");
  }
}
