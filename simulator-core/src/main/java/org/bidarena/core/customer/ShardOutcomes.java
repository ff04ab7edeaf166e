package org.bidarena.core.customer;

import org.bidarena.core.protocol.BidderProtocol;

/**
 * What one shard's customers did in one tick, columnar: one row per click or purchase (a click that ends in
 * a purchase at the same visit is one row with both bits).
 *
 * <p>Purchase rows carry the causal ground truth (docs/market-model-2.md): rows {@code creditStart[r]} to
 * {@code creditStart[r + 1]} of the credit columns are the customer's touches with a positive expected share
 * of the purchase's hazard, in parts per million; the organic share is the rest ({@link #organicPpm}).
 * {@code causeAgent[r]} is the sampled cause: the agent of the touch that caused it, -1 organic, -2 for a
 * row without a purchase.
 *
 * @param fatiguedImpressions impressions shown to a customer fatigued of that agent's ads
 * @param agents the last-click agent: the ad clicked, or for a purchase the agent last clicked within the
 *     attribution window; -1 when there is none
 * @param kinds a bit set: {@link #CLICK}, {@link #PURCHASE}, {@link #NEW_CUSTOMER}
 * @param auctionIds the auction of the clicked impression (for a purchase: of the last click), -1 none
 * @param stageCounts customers per stage at the end of the tick
 */
public record ShardOutcomes(
    int visits, int impressions, int fatiguedImpressions, int[] customers, int[] agents, byte[] kinds,
    long[] revenueMicros, long[] auctionIds, int[] creditStart, int[] creditAgent, int[] creditCreative,
    int[] creditTick, int[] creditPpm, int[] causeAgent, int[] stageCounts) {
  public static final byte CLICK = BidderProtocol.Outcomes.CLICK;
  public static final byte PURCHASE = BidderProtocol.Outcomes.PURCHASE;
  /** The customer's first purchase, and it was no customer before the run. */
  public static final byte NEW_CUSTOMER = BidderProtocol.Outcomes.NEW_CUSTOMER;
  public static final int PPM = 1_000_000;
  public static final int ORGANIC = -1;
  public static final int NO_PURCHASE = -2;

  /**
   * Rows without causal ground truth (fixtures, the protocol's tests): no credits, and each purchase caused by
   * its attributed agent (-1: organic), as the model before 2.0 had it.
   */
  public ShardOutcomes(int visits, int impressions, int[] customers, int[] agents, byte[] kinds,
      long[] revenueMicros, long[] auctionIds, int[] stageCounts) {
    this(visits, impressions, 0, customers, agents, kinds, revenueMicros, auctionIds, new int[customers.length + 1],
        new int[0], new int[0], new int[0], new int[0], causes(agents, kinds), stageCounts);
  }

  private static int[] causes(int[] agents, byte[] kinds) {
    int[] out = new int[agents.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (kinds[i] & PURCHASE) != 0 ? agents[i] : NO_PURCHASE;
    }
    return out;
  }

  /** A tick with no click or purchase. */
  public static ShardOutcomes withoutRows(int visits, int impressions, int fatiguedImpressions, int[] stageCounts) {
    return new ShardOutcomes(visits, impressions, fatiguedImpressions, new int[0], new int[0], new byte[0],
        new long[0], new long[0], new int[] {0}, new int[0], new int[0], new int[0], new int[0], new int[0],
        stageCounts);
  }

  public int rows() {
    return customers.length;
  }

  /** The expected share of row r's purchase that organic demand caused, ppm. */
  public int organicPpm(int r) {
    int sum = 0;
    for (int c = creditStart[r]; c < creditStart[r + 1]; c++) {
      sum += creditPpm[c];
    }
    return PPM - sum;
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

  /** Purchases attributed to the agent by last click. */
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

  /** Purchases whose sampled cause is the agent's ad: its incremental conversions. */
  public int causedConversions(int agent) {
    int n = 0;
    for (int c : causeAgent) {
      if (c == agent) {
        n++;
      }
    }
    return n;
  }

  /** Adds each attributed agent's clicks, conversions and revenue (last click) to the per-agent sums, in one pass. */
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
   * it has none): a bidder never sees another agent's outcomes, nor the causal ground truth. O(rows + agents).
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
