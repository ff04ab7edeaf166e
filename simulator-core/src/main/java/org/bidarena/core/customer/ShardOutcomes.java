package org.bidarena.core.customer;

/**
 * What one shard's customers did in one tick, columnar: one row per click or purchase.
 *
 * @param agents the agent credited with the row (the ad clicked, or the last click for a later purchase)
 * @param kinds a bit set: {@link #CLICK}, {@link #PURCHASE}
 * @param stageCounts customers per stage at the end of the tick
 */
public record ShardOutcomes(
    int visits, int impressions, int[] customers, byte[] agents, byte[] kinds, long[] revenueMicros,
    int[] stageCounts) {
  public static final byte CLICK = 1;
  public static final byte PURCHASE = 2;

  public int rows() {
    return customers.length;
  }

  public int clicks(int agent) {
    int n = 0;
    for (int i = 0; i < customers.length; i++) {
      if (agents[i] == agent && (kinds[i] & CLICK) != 0) {
        n++;
      }
    }
    return n;
  }

  public int conversions(int agent) {
    int n = 0;
    for (int i = 0; i < customers.length; i++) {
      if (agents[i] == agent && (kinds[i] & PURCHASE) != 0) {
        n++;
      }
    }
    return n;
  }

  public long revenueMicros(int agent) {
    long sum = 0;
    for (int i = 0; i < customers.length; i++) {
      if (agents[i] == agent) {
        sum += revenueMicros[i];
      }
    }
    return sum;
  }
}
