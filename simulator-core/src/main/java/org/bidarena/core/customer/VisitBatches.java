package org.bidarena.core.customer;

import org.bidarena.core.customer.memory.AgentSlots;
import org.bidarena.core.protocol.VisitBatch;

/** Builds the {@link VisitBatch} of a tick's visits from the bucket's sparse memory. */
final class VisitBatches {
  private VisitBatches() {}

  static VisitBatch of(CustomerBucket b, long tick, int[] rows, int agents, long window) {
    int n = rows.length;
    int[] customers = new int[n];
    byte[] stages = new byte[n];
    byte[] frequency = new byte[n * agents];
    byte[] lastClick = new byte[n];
    for (int v = 0; v < n; v++) {
      int i = rows[v];
      customers[v] = b.firstCustomer + i;
      stages[v] = b.stage[i];
      for (int k = i * CustomerBucket.SLOTS; k < (i + 1) * CustomerBucket.SLOTS; k++) {
        if (b.slotAgent[k] >= 0) {
          frequency[v * agents + b.slotAgent[k]] = b.slotFrequencyToday[k];
        }
      }
      long auction = b.lastClickAuction[i];
      lastClick[v] = auction >= 0 && tick - (auction >>> 43) < window ? (byte) b.lastClickAgent[i] : -1;
    }
    return new VisitBatch(agents, customers, stages, frequency, lastClick);
  }
}
