package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.bidarena.core.random.SeededStreams;
import org.junit.jupiter.api.Test;

class RandomStrategyTest {
  private static final long MIN = 100_000;
  private static final long BASE = 1_000_000;
  private static final int ROWS = 20_000;

  private static long[] draw(long seed, int agent) {
    RandomStrategy s = new RandomStrategy(MIN, BASE, agent, new SeededStreams(seed));
    long[] out = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      out[i] = s.bid(Fixtures.context(7, 1, i));
    }
    return out;
  }

  @Test
  void bidShouldBeDeterministicPerSeedAndAgent() {
    assertThat(draw(42, 0)).isEqualTo(draw(42, 0));
    assertThat(draw(42, 0)).isNotEqualTo(draw(43, 0));
    assertThat(draw(42, 0)).isNotEqualTo(draw(42, 1));
  }

  @Test
  void bidShouldBeUniformWithinMinAndTwiceBase() {
    // when
    long[] bids = draw(3, 2);

    // then
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    double sum = 0;
    for (long b : bids) {
      lo = Math.min(lo, b);
      hi = Math.max(hi, b);
      sum += b;
    }
    assertThat(lo).isGreaterThanOrEqualTo(MIN).isLessThan(MIN + 2_000);
    assertThat(hi).isLessThanOrEqualTo(2 * BASE).isGreaterThan(2 * BASE - 2_000);
    assertThat(sum / ROWS).isBetween((MIN + 2 * BASE) / 2.0 * 0.98, (MIN + 2 * BASE) / 2.0 * 1.02);
  }

  @Test
  void bidShouldDependOnTheAuctionId() {
    // given
    RandomStrategy s = new RandomStrategy(MIN, BASE, 0, new SeededStreams(5));

    // then: same row, another tick or partition, is another auction
    assertThat(s.bid(Fixtures.context(1, 0, 3))).isEqualTo(s.bid(Fixtures.context(1, 0, 3)));
    assertThat(new long[] {s.bid(Fixtures.context(1, 0, 3)), s.bid(Fixtures.context(2, 0, 3)), s.bid(Fixtures.context(1, 1, 3))})
        .doesNotHaveDuplicates();
  }
}
