package org.bidarena.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.bidarena.protos.AllocationDecidedProto;
import org.bidarena.protos.AllocationStartedProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each day's allocation as a journal event: a lossless round trip, and the file read back in order. */
class AllocationJournalTest {
  @TempDir Path dir;

  private static List<DayRecord> days() {
    AllocationSettings s = Fixtures.settings(Fixtures.four(), 0.03, 0.25, 1);
    Bounds b = s.bounds();
    ChannelMarket m = new ChannelMarket(s.channels(), 2, Fixtures.ORDER_VALUE, Fixtures.MARGIN, 5);
    return AllocationRun.run(new ThompsonAllocator(b, 2, 100, 0.9, true), m, b, new Optimum(b, 50), 5, null);
  }

  @Test
  void aDaysEventShouldGiveBackTheSameDayAndTheSameBytes() {
    for (DayRecord d : days()) {
      // when
      AllocationDecidedProto e = AllocationJournal.event("thompson", 2, d);
      DayRecord back = AllocationJournal.record(e);
      // then
      assertThat(back.day()).isEqualTo(d.day());
      assertThat(back.shares()).containsExactly(d.shares());
      assertThat(back.budgets()).containsExactly(d.budgets());
      assertThat(back.scores()).containsExactly(d.scores());
      assertThat(back.details()).containsExactly(d.details());
      assertThat(back.outcomes()).containsExactly(d.outcomes());
      assertThat(back.optimalBudgets()).containsExactly(d.optimalBudgets());
      assertThat(back.regret()).isEqualTo(d.regret());
      assertThat(AllocationJournal.event("thompson", 2, back).toByteArray()).isEqualTo(e.toByteArray());
    }
  }

  @Test
  void aJournalShouldReadBackItsFirstRecordAndEveryDayInOrder() throws Exception {
    AllocationStartedProto started = AllocationStartedProto.newBuilder().setDays(5).addAllocators("thompson")
        .setFirstSeed(2).setSeeds(1).setMarginPpm(300_000).build();
    List<DayRecord> days = days();
    try (AllocationJournal j = AllocationJournal.create(dir, started)) {
      for (DayRecord d : days) {
        j.append("thompson", 2, d);
      }
    }
    AllocationJournal.Recorded r = AllocationJournal.read(dir);
    assertThat(r.started()).isEqualTo(started);
    assertThat(r.days()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(r.days().get(i)).isEqualTo(AllocationJournal.event("thompson", 2, days.get(i)));
    }
    // a second journal in the same folder is refused rather than overwriting the first
    assertThatThrownBy(() -> AllocationJournal.create(dir, started)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    assertThatThrownBy(() -> AllocationJournal.read(dir.resolve("none")))
        .hasMessageContaining("holds no allocations.journal");
  }
}
