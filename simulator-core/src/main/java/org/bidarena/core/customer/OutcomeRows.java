package org.bidarena.core.customer;

import java.util.Arrays;

/** Grows the outcome columns of a tick as rows and their causal credits are added. */
final class OutcomeRows {
  private int[] customers = new int[16];
  private int[] agents = new int[16];
  private byte[] kinds = new byte[16];
  private long[] revenue = new long[16];
  private long[] auctions = new long[16];
  private int[] cause = new int[16];
  private int[] creditStart = new int[17];
  private int[] creditAgent = new int[16];
  private int[] creditCreative = new int[16];
  private int[] creditTick = new int[16];
  private int[] creditPpm = new int[16];
  private int n;
  private int credits;

  /** Adds a row; a purchase row's credits are added with {@link #credit} right after. */
  void add(int customer, int agent, int kind, long revenueMicros, long auctionId, int causeAgent) {
    if (n == customers.length) {
      int cap = n * 2;
      customers = Arrays.copyOf(customers, cap);
      agents = Arrays.copyOf(agents, cap);
      kinds = Arrays.copyOf(kinds, cap);
      revenue = Arrays.copyOf(revenue, cap);
      auctions = Arrays.copyOf(auctions, cap);
      cause = Arrays.copyOf(cause, cap);
      creditStart = Arrays.copyOf(creditStart, cap + 1);
    }
    customers[n] = customer;
    agents[n] = agent;
    kinds[n] = (byte) kind;
    revenue[n] = revenueMicros;
    auctions[n] = auctionId;
    cause[n] = causeAgent;
    creditStart[n] = credits;
    n++;
    creditStart[n] = credits;
  }

  /** Adds a touch's credit to the last row. */
  void credit(int agent, int creative, int tick, int ppm) {
    if (credits == creditAgent.length) {
      int cap = credits * 2;
      creditAgent = Arrays.copyOf(creditAgent, cap);
      creditCreative = Arrays.copyOf(creditCreative, cap);
      creditTick = Arrays.copyOf(creditTick, cap);
      creditPpm = Arrays.copyOf(creditPpm, cap);
    }
    creditAgent[credits] = agent;
    creditCreative[credits] = creative;
    creditTick[credits] = tick;
    creditPpm[credits] = ppm;
    credits++;
    creditStart[n] = credits;
  }

  /** Changes the last row's kind, e.g. a click that turns into a purchase at the same visit. */
  void setLast(int kind, long revenueMicros, int causeAgent) {
    kinds[n - 1] = (byte) kind;
    revenue[n - 1] = revenueMicros;
    cause[n - 1] = causeAgent;
  }

  ShardOutcomes build(int visits, int impressions, int fatigued, int[] stageCounts) {
    return new ShardOutcomes(
        visits, impressions, fatigued, Arrays.copyOf(customers, n), Arrays.copyOf(agents, n), Arrays.copyOf(kinds, n),
        Arrays.copyOf(revenue, n), Arrays.copyOf(auctions, n), Arrays.copyOf(creditStart, n + 1),
        Arrays.copyOf(creditAgent, credits), Arrays.copyOf(creditCreative, credits), Arrays.copyOf(creditTick, credits),
        Arrays.copyOf(creditPpm, credits), Arrays.copyOf(cause, n), stageCounts);
  }
}
