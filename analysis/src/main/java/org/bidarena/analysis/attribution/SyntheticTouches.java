package org.bidarena.analysis.attribution;

import java.util.List;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.random.SeededStreams.Stream;

/**
 * A made-up touch log of a given size for the attribution benchmark, shaped like the default market: a customer
 * per 17 touches on average, 6 agents with 2 creatives each, 7 days of 96 ticks, and purchases whose chance grows
 * with the touches of the first two agents. Drawn from its own seeded stream, so a size gives the same log.
 */
public final class SyntheticTouches {
  public static final Stream DRAW = Stream.register("synthetic-touches", 0x9A02);
  public static final List<String> AGENTS = List.of("a0", "a1", "a2", "a3", "a4", "a5");
  public static final List<List<String>> CREATIVES = AGENTS.stream().map(a -> List.of("c0", "c1")).toList();
  private static final int TICKS = 7 * 96;
  private static final int TOUCHES_PER_CUSTOMER = 17;

  private SyntheticTouches() {}

  public static TouchLog of(int touches, long seed) {
    if (touches < 1) {
      throw new IllegalArgumentException("touches must be >= 1, was " + touches);
    }
    SeededStreams streams = new SeededStreams(seed);
    int customers = Math.max(1, touches / TOUCHES_PER_CUSTOMER);
    TouchLog log = new TouchLog(customers);
    int[] lifted = new int[customers];
    for (int i = 0; i < touches; i++) {
      long bits = streams.bits(DRAW, i, 0);
      int customer = SeededStreams.below(bits, customers);
      int agent = SeededStreams.below(streams.bits(DRAW, i, 1), AGENTS.size());
      int tick = SeededStreams.below(streams.bits(DRAW, i, 2), TICKS);
      log.touch(customer, tick, agent, (int) ((bits >>> 40) & 1));
      if (agent < 2) {
        lifted[customer]++;
      }
    }
    for (int c = 0; c < customers; c++) {
      // 5% organic, and 1 point more per touch of agent a0 or a1
      if (streams.uniform(DRAW, c, 3) < 0.05 + 0.01 * lifted[c]) {
        long value = 20_000_000L + SeededStreams.below(streams.bits(DRAW, c, 4), 80_000_000);
        log.conversion(c, SeededStreams.below(streams.bits(DRAW, c, 5), TICKS), value);
      }
    }
    return log;
  }
}
