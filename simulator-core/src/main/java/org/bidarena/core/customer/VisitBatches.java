package org.bidarena.core.customer;

import java.util.Arrays;
import org.bidarena.core.customer.features.CustomerFeatures;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.scenario.FeatureSpec;

/**
 * Builds the {@link VisitBatch} of a tick's visits: the public columns (customer, stage, and the features the
 * scenario shows bidders; a hidden feature's column is all zeros) and one private memory row per agent slot
 * the customer holds, in ascending agent order. So the batch grows with memories, not with agents.
 */
final class VisitBatches {
  private VisitBatches() {}

  static VisitBatch of(CustomerBucket b, CustomerFeatures f, FeatureSpec spec, int[] rows) {
    int n = rows.length;
    int[] customers = new int[n];
    byte[] stages = new byte[n];
    short[] region = new short[n];
    byte[] device = new byte[n];
    int[] interests = new int[n];
    byte[] tier = new byte[n];
    int[] memoryStart = new int[n + 1];
    // Sized for every slot in use, trimmed at the end: one pass over the customers instead of two.
    int capacity = n * CustomerBucket.SLOTS;
    int[] agent = new int[capacity];
    byte[] frequency = new byte[capacity];
    int[] lastImpression = new int[capacity];
    int[] lastClick = new int[capacity];
    boolean showRegion = spec.visible(FeatureSpec.REGION);
    boolean showDevice = spec.visible(FeatureSpec.DEVICE);
    boolean showInterests = spec.visible(FeatureSpec.INTERESTS);
    boolean showTier = spec.visible(FeatureSpec.VALUE_TIER);
    int[] order = new int[CustomerBucket.SLOTS];
    int at = 0;
    for (int v = 0; v < n; v++) {
      int i = rows[v];
      customers[v] = b.firstCustomer + i;
      stages[v] = b.stage[i];
      region[v] = showRegion ? f.region()[i] : 0;
      device[v] = showDevice ? f.device()[i] : 0;
      interests[v] = showInterests ? f.interests()[i] : 0;
      tier[v] = showTier ? f.valueTier()[i] : 0;
      memoryStart[v] = at;
      int used = 0;
      for (int k = i * CustomerBucket.SLOTS; k < (i + 1) * CustomerBucket.SLOTS; k++) {
        if (b.slotAgent[k] >= 0) {
          // insertion sort by agent: at most SLOTS entries
          int p = used++;
          while (p > 0 && b.slotAgent[order[p - 1]] > b.slotAgent[k]) {
            order[p] = order[p - 1];
            p--;
          }
          order[p] = k;
        }
      }
      for (int j = 0; j < used; j++) {
        int k = order[j];
        agent[at] = b.slotAgent[k];
        frequency[at] = b.slotFrequencyToday[k];
        lastImpression[at] = b.slotLastImpression[k];
        lastClick[at] = b.slotLastClick[k];
        at++;
      }
    }
    memoryStart[n] = at;
    return new VisitBatch(customers, stages, region, device, interests, tier, memoryStart,
        Arrays.copyOf(agent, at), Arrays.copyOf(frequency, at), Arrays.copyOf(lastImpression, at),
        Arrays.copyOf(lastClick, at));
  }
}
