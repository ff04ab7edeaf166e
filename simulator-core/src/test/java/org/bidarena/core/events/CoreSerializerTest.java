package org.bidarena.core.events;

import java.util.List;
import java.util.Map;
import org.bidarena.core.customer.CustomerBucket;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.testing.SerializerContract;

/** The events and snapshots of simulator-core, with extreme values, Unicode and empty columns. */
class CoreSerializerTest extends SerializerContract {
  CoreSerializerTest() {
    super(new CoreSerializer(), 731001,
        Map.of(
            OutcomesRecorded.class, "OutcomesRecorded/v1",
            TickCompleted.class, "TickCompleted/v1",
            RunStarted.class, "RunStarted/v1",
            CheckpointCompleted.class, "CheckpointCompleted/v1",
            CustomerBucket.class, "CustomerShardSnapshot/v1"),
        List.of(
            outcomes(), emptyOutcomes(), new TickCompleted(96, 12_345), new TickCompleted(Long.MAX_VALUE - 1, -1),
            runStarted(), new CheckpointCompleted(191), bucket(), emptyBucket()));
  }

  private static OutcomesRecorded outcomes() {
    byte both = (byte) (ShardOutcomes.CLICK | ShardOutcomes.PURCHASE);
    ShardOutcomes o = new ShardOutcomes(
        1234, 987,
        new int[] {0, 17, 17, 99_999_999},
        new int[] {0, 5, -1, 9_999},
        new byte[] {ShardOutcomes.CLICK, both, ShardOutcomes.PURCHASE, ShardOutcomes.CLICK},
        new long[] {0, 59_999_999L, Long.MAX_VALUE, -3},
        new long[] {(1L << 43) + 7, Long.MAX_VALUE, -1, 0},
        new int[] {400, 250, 0, 100, 30, 2_000_000_000});
    return new OutcomesRecorded((1L << 40) + 5, 4095, o);
  }

  private static OutcomesRecorded emptyOutcomes() {
    return new OutcomesRecorded(
        0, 0, new ShardOutcomes(0, 0, new int[0], new int[0], new byte[0], new long[0], new long[0], new int[0]));
  }

  private static RunStarted runStarted() {
    return new RunStarted(
        "name = \"déjà vu ✓\"\nseed = -9\ncustomers { count = 10 }\n", Long.MIN_VALUE,
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 672);
  }

  private static CustomerBucket bucket() {
    int agents = 3;
    return new CustomerBucket(
        500, agents, 95,
        new byte[] {0, 3, 5, 1},
        new int[] {-1, 0, 95, -288},
        new int[] {-72, 94, Integer.MIN_VALUE / 2, Integer.MAX_VALUE},
        new long[] {0, 60_000_000L, Long.MAX_VALUE, 1},
        new int[] {-1, 2, 0, 9_999},
        new int[] {Integer.MIN_VALUE / 2, 90, -5, Integer.MIN_VALUE},
        new long[] {-1, (1L << 43) + 3, 0, Long.MAX_VALUE},
        new byte[] {0, 1, 2, 127, 0, 0, 8, 8, 8, 0, 0, 1},
        new byte[] {0, 2, 4, 127, 0, 0, 63, 9, 1, 0, 0, -1});
  }

  private static CustomerBucket emptyBucket() {
    return new CustomerBucket(10, 6, -1, new byte[0], new int[0], new int[0], new long[0], new int[0],
        new int[0], new long[0], new byte[0], new byte[0]);
  }
}
