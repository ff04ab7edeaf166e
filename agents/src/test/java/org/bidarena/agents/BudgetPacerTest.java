package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.Pacing;
import org.junit.jupiter.api.Test;

class BudgetPacerTest {
  private static final int TICKS = 96;

  @Test
  void evenShouldSpreadWhatIsLeftOverTheTicksLeft() {
    // given
    BudgetPacer pacer = new BudgetPacer(96_000_000, Pacing.EVEN, TICKS);

    // then
    assertThat(pacer.tickAllowance(0, 0)).isEqualTo(1_000_000);
    assertThat(pacer.tickAllowance(96 + 48, 48_000_000)).isEqualTo(1_000_000);
    assertThat(pacer.tickAllowance(48, 0)).isEqualTo(2_000_000);
    assertThat(pacer.tickAllowance(TICKS - 1, 95_000_007)).isEqualTo(999_993);
    assertThat(pacer.tickAllowance(10, 96_000_000)).isZero();
    assertThat(pacer.tickAllowance(10, 100_000_000)).isZero();
  }

  @Test
  void asapShouldAllowAllThatIsLeft() {
    // given
    BudgetPacer pacer = new BudgetPacer(96_000_000, Pacing.ASAP, TICKS);

    // then
    assertThat(pacer.tickAllowance(0, 0)).isEqualTo(96_000_000);
    assertThat(pacer.tickAllowance(30, 90_000_000)).isEqualTo(6_000_000);
  }

  @Test
  void aDayShouldNeverOverspendWhateverEachTickSpendsWithinItsAllowance() {
    SeededStreams rnd = new SeededStreams(17);
    for (Pacing pacing : Pacing.values()) {
      for (int day = 0; day < 200; day++) {
        // given
        long budget = 1 + (rnd.bits(RandomStrategy.RANDOM_BID, day, 0) >>> 30);
        BudgetPacer pacer = new BudgetPacer(budget, pacing, TICKS);
        int partitions = 1 + (day % 5);
        long spent = 0;

        for (int t = 0; t < TICKS; t++) {
          long tick = (long) day * TICKS + t;
          long allowance = pacer.tickAllowance(tick, spent);
          // when: each partition spends an arbitrary amount up to its share, often all of it
          for (long share : BudgetPacer.split(allowance, partitions)) {
            long bits = rnd.bits(RandomStrategy.RANDOM_BID, tick, share);
            spent += (bits & 1) == 0 ? share : Long.remainderUnsigned(bits, share + 1);
          }
          // then
          assertThat(spent).isLessThanOrEqualTo(budget);
        }
      }
    }
  }

  @Test
  void evenPacingThatSpendsEveryAllowanceShouldUseTheWholeBudget() {
    // given
    long budget = 1_234_567;
    BudgetPacer pacer = new BudgetPacer(budget, Pacing.EVEN, TICKS);
    long spent = 0;

    // when
    for (int t = 0; t < TICKS; t++) {
      spent += pacer.tickAllowance(t, spent);
    }

    // then
    assertThat(spent).isEqualTo(budget);
  }

  @Test
  void splitShouldSumExactlyWithRemainderToLowestPartitions() {
    assertThat(BudgetPacer.split(10, 4)).containsExactly(3, 3, 2, 2);
    assertThat(BudgetPacer.split(3, 5)).containsExactly(1, 1, 1, 0, 0);
    assertThat(BudgetPacer.split(0, 3)).containsExactly(0, 0, 0);
    for (long allowance : new long[] {1, 999, 1_000_003, Long.MAX_VALUE}) {
      for (int p = 1; p <= 9; p++) {
        long[] shares = BudgetPacer.split(allowance, p);
        assertThat(shares).hasSize(p);
        assertThat(Arrays.stream(shares).sum()).isEqualTo(allowance);
        assertThat(shares[0] - shares[p - 1]).isBetween(0L, 1L);
      }
    }
  }
}
