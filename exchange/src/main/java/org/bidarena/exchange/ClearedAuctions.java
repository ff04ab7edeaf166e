package org.bidarena.exchange;

/**
 * The outcome of clearing the auctions of one (tick, partition), columnar.
 *
 * @param acceptedBids [agent][auction] the bids that took part, 0 where there was none or it was rejected
 * @param winners per auction, the winning agent or -1 when nothing sold
 * @param pricesMicros per auction, what the winner pays, 0 when nothing sold
 */
public record ClearedAuctions(long[][] acceptedBids, int[] winners, long[] pricesMicros) {

  public int auctions() {
    return winners.length;
  }

  public int agents() {
    return acceptedBids.length;
  }

  /** The number of the agent's accepted bids. */
  public int bids(int agent) {
    int n = 0;
    for (long b : acceptedBids[agent]) {
      if (b > 0) {
        n++;
      }
    }
    return n;
  }

  public long bidSum(int agent) {
    long sum = 0;
    for (long b : acceptedBids[agent]) {
      sum += b;
    }
    return sum;
  }

  /** The number of auctions the agent won. */
  public int impressions(int agent) {
    int n = 0;
    for (int w : winners) {
      if (w == agent) {
        n++;
      }
    }
    return n;
  }

  public long spend(int agent) {
    long sum = 0;
    for (int i = 0; i < winners.length; i++) {
      if (winners[i] == agent) {
        sum += pricesMicros[i];
      }
    }
    return sum;
  }
}
