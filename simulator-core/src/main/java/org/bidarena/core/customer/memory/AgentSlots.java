package org.bidarena.core.customer.memory;

import static org.bidarena.core.customer.CustomerBucket.MAX_COUNT;
import static org.bidarena.core.customer.CustomerBucket.NEVER;
import static org.bidarena.core.customer.CustomerBucket.SLOTS;

import org.bidarena.core.customer.CustomerBucket;

/**
 * A customer's sparse per-agent memory: {@link CustomerBucket#SLOTS} slots, each (agent, frequency today,
 * recent exposures, last impression tick, last click tick).
 *
 * <p>An agent without a slot is remembered as nothing: frequency 0, never shown, never clicked. When an agent
 * needs a slot and none is free, the least recently active slot (latest of its impression and click, ties
 * to the lowest slot) is evicted. That bounds memory per customer whatever the number of agents; the price is
 * that a customer reached by more than {@code SLOTS} agents forgets the least recent one (its frequency cap
 * and fatigue count start again). Eviction only depends on the customer's own history, so it is
 * deterministic.
 */
public final class AgentSlots {
  private AgentSlots() {}

  /** The slot index (into the bucket's slot arrays) holding {@code agent} for row i, or -1. */
  public static int find(CustomerBucket b, int i, int agent) {
    int base = i * SLOTS;
    for (int k = base; k < base + SLOTS; k++) {
      if (b.slotAgent[k] == agent) {
        return k;
      }
    }
    return -1;
  }

  /** The slot of {@code agent} for row i, taking a free slot or evicting the least recently active. */
  public static int claim(CustomerBucket b, int i, int agent) {
    int found = find(b, i, agent);
    if (found >= 0) {
      return found;
    }
    int base = i * SLOTS;
    int victim = base;
    long oldest = Long.MAX_VALUE;
    for (int k = base; k < base + SLOTS; k++) {
      if (b.slotAgent[k] < 0) {
        victim = k;
        break;
      }
      long active = Math.max(b.slotLastImpression[k], b.slotLastClick[k]);
      if (active < oldest) {
        oldest = active;
        victim = k;
      }
    }
    b.slotAgent[victim] = agent;
    b.slotFrequencyToday[victim] = 0;
    b.slotRecent[victim] = 0;
    b.slotLastImpression[victim] = NEVER;
    b.slotLastClick[victim] = NEVER;
    return victim;
  }

  /** Records an impression of {@code agent}'s ad; returns the recent-exposure count including it. */
  public static int impression(CustomerBucket b, int i, int agent, int tick) {
    int k = claim(b, i, agent);
    b.slotFrequencyToday[k] = increment(b.slotFrequencyToday[k]);
    b.slotRecent[k] = increment(b.slotRecent[k]);
    b.slotLastImpression[k] = tick;
    return b.slotRecent[k];
  }

  public static void click(CustomerBucket b, int i, int agent, int tick) {
    b.slotLastClick[claim(b, i, agent)] = tick;
  }

  /** A new day: today's frequencies restart and recent exposures halve. */
  public static void startDay(CustomerBucket b) {
    for (int k = 0; k < b.slotAgent.length; k++) {
      b.slotFrequencyToday[k] = 0;
      b.slotRecent[k] = (byte) (b.slotRecent[k] >> 1);
    }
  }

  /** The number of agents row i has memory of. */
  public static int count(CustomerBucket b, int i) {
    int n = 0;
    for (int k = i * SLOTS; k < (i + 1) * SLOTS; k++) {
      if (b.slotAgent[k] >= 0) {
        n++;
      }
    }
    return n;
  }

  private static byte increment(byte count) {
    return count >= MAX_COUNT ? count : (byte) (count + 1);
  }
}
