package org.bidarena.core.protocol;

/** Test helpers: dense views of a VisitBatch's sparse memory rows, and Impressions from a winners column. */
public final class Batches {
  private Batches() {}

  /** The impressions of a shard whose visits are rows 0.. of partition 0; no creatives, no prices. */
  public static ShardProtocol.Impressions impressions(long tick, byte[] winners) {
    int[] w = new int[winners.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = winners[i];
    }
    return new ShardProtocol.Impressions(tick, AuctionId.of(tick, 0, 0), w, new int[w.length], new long[w.length]);
  }

  /** Agent {@code agent}'s frequency today with the customer of visit {@code row}, 0 without a memory row. */
  public static int frequency(VisitBatch v, int row, int agent) {
    int m = memoryRow(v, row, agent);
    return m < 0 ? 0 : v.memoryFrequencyToday()[m];
  }

  /** The agent that has a last click with the customer of visit {@code row}, or -1. */
  public static int lastClickAgent(VisitBatch v, int row) {
    for (int m = v.memoryStart()[row]; m < v.memoryStart()[row + 1]; m++) {
      if (v.memoryLastClickTick()[m] != VisitBatch.NEVER) {
        return v.memoryAgent()[m];
      }
    }
    return -1;
  }

  /** The memory row of (visit, agent), or -1. */
  public static int memoryRow(VisitBatch v, int row, int agent) {
    for (int m = v.memoryStart()[row]; m < v.memoryStart()[row + 1]; m++) {
      if (v.memoryAgent()[m] == agent) {
        return m;
      }
    }
    return -1;
  }
}
