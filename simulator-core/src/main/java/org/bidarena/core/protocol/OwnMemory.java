package org.bidarena.core.protocol;

/**
 * What one agent's own ads left with the customers of a partition's auctions: one entry per auction row
 * where the customer remembers the agent, rows ascending. Never another agent's data.
 *
 * @param frequencyToday impressions of this agent's ads to the customer today
 * @param lastImpressionTick {@link VisitBatch#NEVER} when unknown
 * @param lastClickTick the customer's last click on this agent's ad, {@link VisitBatch#NEVER} when none
 */
public record OwnMemory(int[] rows, byte[] frequencyToday, int[] lastImpressionTick, int[] lastClickTick) {
  public static final OwnMemory NONE = new OwnMemory(new int[0], new byte[0], new int[0], new int[0]);

  public int size() {
    return rows.length;
  }

  /** The entry of auction row {@code row}, or -1 when the customer has no memory of this agent. */
  public int indexOf(int row) {
    int k = java.util.Arrays.binarySearch(rows, row);
    return k >= 0 ? k : -1;
  }

  /**
   * Splits a batch's memory rows by agent: entry a holds agent a's rows. Costs O(visits + memory rows +
   * agents); agents without a memory share {@link #NONE}.
   */
  public static OwnMemory[] split(VisitBatch batch, int agents) {
    int[] count = new int[agents];
    for (int agent : batch.memoryAgent()) {
      count[agent]++;
    }
    OwnMemory[] own = new OwnMemory[agents];
    for (int a = 0; a < agents; a++) {
      int c = count[a];
      own[a] = c == 0 ? NONE : new OwnMemory(new int[c], new byte[c], new int[c], new int[c]);
      count[a] = 0;
    }
    int[] start = batch.memoryStart();
    for (int v = 0; v < batch.size(); v++) {
      for (int m = start[v]; m < start[v + 1]; m++) {
        int a = batch.memoryAgent()[m];
        OwnMemory o = own[a];
        int k = count[a]++;
        o.rows[k] = v;
        o.frequencyToday[k] = batch.memoryFrequencyToday()[m];
        o.lastImpressionTick[k] = batch.memoryLastImpressionTick()[m];
        o.lastClickTick[k] = batch.memoryLastClickTick()[m];
      }
    }
    return own;
  }
}
