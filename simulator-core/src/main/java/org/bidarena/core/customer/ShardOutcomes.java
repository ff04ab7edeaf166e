package org.bidarena.core.customer;

import org.bidarena.core.protocol.BidderProtocol;

/**
 * What one shard's customers did in one tick, columnar: one row per click or purchase.
 *
 * @param agents the agent credited with the row (the ad clicked, or the last click for a later purchase)
 * @param kinds a bit set: {@link #CLICK}, {@link #PURCHASE}
 * @param auctionIds for a click, the clicked impression's auction; for a purchase, the auction of the last
 *     clicked impression it is credited to; -1 when none
 * @param stageCounts customers per stage at the end of the tick
 */
public record ShardOutcomes(
    int visits, int impressions, int[] customers, int[] agents, byte[] kinds, long[] revenueMicros,
    long[] auctionIds, int[] stageCounts) {
  public static final byte CLICK = BidderProtocol.Outcomes.CLICK;
  public static final byte PURCHASE = BidderProtocol.Outcomes.PURCHASE;

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

  /** Adds each credited agent's clicks, conversions and revenue to the per-agent sums, in one pass. */
  public void addTo(int[] clicks, int[] conversions, long[] revenue) {
    for (int i = 0; i < customers.length; i++) {
      int a = agents[i];
      if (a < 0) {
        continue;
      }
      if ((kinds[i] & CLICK) != 0) {
        clicks[a]++;
      }
      if ((kinds[i] & PURCHASE) != 0) {
        conversions[a]++;
      }
      revenue[a] += revenueMicros[i];
    }
  }

  /**
   * Each agent's own rows as the {@link BidderProtocol.Outcomes} it is sent (entry a for agent a, empty when
   * it has none): a bidder never sees another agent's outcomes. O(rows + agents).
   */
  public BidderProtocol.Outcomes[] perAgent(long tick, int shard, int agentCount) {
    int[] count = new int[agentCount];
    for (int a : agents) {
      if (a >= 0) {
        count[a]++;
      }
    }
    long[][] ids = new long[agentCount][];
    byte[][] kind = new byte[agentCount][];
    long[][] value = new long[agentCount][];
    for (int a = 0; a < agentCount; a++) {
      ids[a] = new long[count[a]];
      kind[a] = new byte[count[a]];
      value[a] = new long[count[a]];
      count[a] = 0;
    }
    for (int i = 0; i < customers.length; i++) {
      int a = agents[i];
      if (a >= 0) {
        int k = count[a]++;
        ids[a][k] = auctionIds[i];
        kind[a][k] = kinds[i];
        value[a][k] = revenueMicros[i];
      }
    }
    BidderProtocol.Outcomes[] out = new BidderProtocol.Outcomes[agentCount];
    for (int a = 0; a < agentCount; a++) {
      out[a] = new BidderProtocol.Outcomes(tick, shard, ids[a], kind[a], value[a]);
    }
    return out;
  }
}
