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
            OutcomesRecorded.class, "OutcomesRecorded/v2",
            TickCompleted.class, "TickCompleted/v1",
            RunStarted.class, "RunStarted/v1",
            CheckpointCompleted.class, "CheckpointCompleted/v1",
            CustomerBucket.class, "CustomerShardSnapshot/v2"),
        List.of(
            outcomes(), emptyOutcomes(), new TickCompleted(96, 12_345), new TickCompleted(Long.MAX_VALUE - 1, -1),
            runStarted(), new CheckpointCompleted(191), bucket(), emptyBucket()));
  }

  private static OutcomesRecorded outcomes() {
    byte both = (byte) (ShardOutcomes.CLICK | ShardOutcomes.PURCHASE);
    byte fresh = (byte) (ShardOutcomes.PURCHASE | ShardOutcomes.NEW_CUSTOMER);
    ShardOutcomes o = new ShardOutcomes(
        1234, 987, 55,
        new int[] {0, 17, 17, 99_999_999, 42},
        new int[] {0, 5, -1, 9_999, -1},
        new byte[] {ShardOutcomes.CLICK, both, ShardOutcomes.PURCHASE, ShardOutcomes.CLICK, fresh},
        new long[] {0, 59_999_999L, Long.MAX_VALUE, -3, 12},
        new long[] {(1L << 43) + 7, 1L << 62, -1, 0, -1},
        new int[] {0, 0, 2, 3, 3, 3},
        new int[] {5, 9_999, 2},
        new int[] {0, 63, 1},
        new int[] {100, 2_000_000_000, 0},
        new int[] {250_000, 1, 999_999},
        new int[] {-2, 5, 2, -2, -1},
        new int[] {400, 250, 0, 100, 30, 2_000_000_000});
    return new OutcomesRecorded((1L << 40) + 5, 4095, o);
  }

  private static OutcomesRecorded emptyOutcomes() {
    return new OutcomesRecorded(0, 0, new ShardOutcomes(0, 0, 0, new int[0], new int[0], new byte[0], new long[0],
        new long[0], new int[] {0}, new int[0], new int[0], new int[0], new int[0], new int[0], new int[0]));
  }

  private static RunStarted runStarted() {
    return new RunStarted(
        "name = \"déjà vu ✓\"\nseed = -9\ncustomers { count = 10 }\n", Long.MIN_VALUE,
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 672);
  }

  private static CustomerBucket bucket() {
    int n = 2;
    int never = CustomerBucket.NEVER;
    return new CustomerBucket(
        500, 95,
        new byte[] {0, 5},
        new byte[] {0, CustomerBucket.CUSTOMER},
        new int[] {-1, 9_999},
        new long[] {-1, (94L << 43) + 3},
        new int[] {-1, -1, -1, 3, 9_999, 3},
        new int[] {0, 0, 0, 90, 91, Integer.MAX_VALUE},
        new byte[] {0, 0, 0, 1, 63, 0},
        new byte[] {0, 0, 0, 1, 0, 2},
        new byte[] {0, 2},
        new int[] {-1, -1, -1, 3, 9_999, -1},
        new byte[] {0, 0, 0, 127, 1, 0},
        new byte[] {0, 0, 0, 63, 2, 0},
        new int[] {never, never, never, 90, 91, never},
        new int[] {never, never, never, never, 91, Integer.MAX_VALUE},
        new long[] {7, 0, Long.MAX_VALUE});
  }

  private static CustomerBucket emptyBucket() {
    return new CustomerBucket(10, 4, 0);
  }
}
