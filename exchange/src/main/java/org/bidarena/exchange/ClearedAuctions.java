package org.bidarena.exchange;

/**
 * The outcome of clearing the auctions of one (tick, partition), columnar, with each agent's totals
 * counted while clearing (so that nobody scans the columns again per agent).
 *
 * @param acceptedBids [agent][auction] the bids that took part, 0 where there was none or it was rejected
 * @param winners per auction, the winning agent or -1 when nothing sold
 * @param pricesMicros per auction, what the winner pays, 0 when nothing sold
 * @param bidCounts per agent, its accepted bids
 * @param bidSumsMicros per agent, the sum of its accepted bids
 * @param impressionCounts per agent, the auctions it won
 * @param spendsMicros per agent, what it paid
 */
public record ClearedAuctions(
    long[][] acceptedBids,
    int[] winners,
    long[] pricesMicros,
    int[] bidCounts,
    long[] bidSumsMicros,
    int[] impressionCounts,
    long[] spendsMicros) {

  public int auctions() {
    return winners.length;
  }

  public int agents() {
    return acceptedBids.length;
  }

  /** The number of the agent's accepted bids. */
  public int bids(int agent) {
    return bidCounts[agent];
  }

  public long bidSum(int agent) {
    return bidSumsMicros[agent];
  }

  /** The number of auctions the agent won. */
  public int impressions(int agent) {
    return impressionCounts[agent];
  }

  public long spend(int agent) {
    return spendsMicros[agent];
  }
}
