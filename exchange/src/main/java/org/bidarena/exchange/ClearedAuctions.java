package org.bidarena.exchange;

import java.util.Arrays;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.BidderProtocol.WinNotice;
import org.bidarena.core.protocol.ShardProtocol;

/**
 * The outcome of clearing the auctions of one (tick, partition), columnar, with each agent's totals
 * counted while clearing (so that nobody scans the columns again per agent). Accepted bids are sparse.
 *
 * @param bidStart per auction i, its accepted bids are [bidStart[i], bidStart[i + 1]), in agent order
 * @param bidAgents the agent of each accepted bid
 * @param bidMicros the accepted bid
 * @param bidCreatives the creative of each accepted bid
 * @param winners per auction, the winning agent or -1 when nothing sold
 * @param pricesMicros per auction, what the winner pays, 0 when nothing sold
 * @param creatives per auction, the winner's creative, 0 when nothing sold
 * @param bidCounts per agent, its accepted bids
 * @param bidSumsMicros per agent, the sum of its accepted bids
 * @param impressionCounts per agent, the auctions it won
 * @param spendsMicros per agent, what it paid
 */
public record ClearedAuctions(
    int[] bidStart,
    int[] bidAgents,
    long[] bidMicros,
    int[] bidCreatives,
    int[] winners,
    long[] pricesMicros,
    int[] creatives,
    int[] bidCounts,
    long[] bidSumsMicros,
    int[] impressionCounts,
    long[] spendsMicros) {

  public int auctions() {
    return winners.length;
  }

  public int agents() {
    return bidCounts.length;
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

  /** Every agent's win notice for this (tick, partition), entry a for agent a. O(auctions + agents). */
  public WinNotice[] winNotices(long tick, int partition) {
    int agents = agents();
    long[][] ids = new long[agents][];
    long[][] prices = new long[agents][];
    int[][] shown = new int[agents][];
    int[] at = new int[agents];
    for (int a = 0; a < agents; a++) {
      ids[a] = new long[impressionCounts[a]];
      prices[a] = new long[impressionCounts[a]];
      shown[a] = new int[impressionCounts[a]];
    }
    for (int i = 0; i < winners.length; i++) {
      int w = winners[i];
      if (w >= 0) {
        int k = at[w]++;
        ids[w][k] = AuctionId.of(tick, partition, i);
        prices[w][k] = pricesMicros[i];
        shown[w][k] = creatives[i];
      }
    }
    WinNotice[] out = new WinNotice[agents];
    for (int a = 0; a < agents; a++) {
      out[a] = new WinNotice(tick, partition, bidCounts[a], bidSumsMicros[a], ids[a], prices[a], shown[a]);
    }
    return out;
  }

  /** The impressions of auction rows [offset, offset + count): one shard's visits. */
  public ShardProtocol.Impressions impressions(long tick, int partition, int offset, int count) {
    int end = offset + count;
    return new ShardProtocol.Impressions(tick, AuctionId.of(tick, partition, offset),
        Arrays.copyOfRange(winners, offset, end), Arrays.copyOfRange(creatives, offset, end),
        Arrays.copyOfRange(pricesMicros, offset, end));
  }

  /** Collects a clearing's results, auction by auction in index order. */
  static final class Builder {
    private final int[] winners;
    private final long[] prices;
    private final int[] creatives;
    private final int[] bidCounts;
    private final long[] bidSums;
    private final int[] impressions;
    private final long[] spends;
    private final int[] bidStart;
    private final int[] bidAgents;
    private final long[] bidMicros;
    private final int[] bidCreatives;
    private int accepted;

    Builder(int auctions, int agents, int maxBids) {
      winners = new int[auctions];
      prices = new long[auctions];
      creatives = new int[auctions];
      bidCounts = new int[agents];
      bidSums = new long[agents];
      impressions = new int[agents];
      spends = new long[agents];
      bidStart = new int[auctions + 1];
      bidAgents = new int[maxBids];
      bidMicros = new long[maxBids];
      bidCreatives = new int[maxBids];
    }

    /** An accepted bid of the current row; rows come in index order. */
    void accept(int agent, long bid, int creative) {
      bidAgents[accepted] = agent;
      bidMicros[accepted] = bid;
      bidCreatives[accepted] = creative;
      accepted++;
      bidCounts[agent]++;
      bidSums[agent] += bid;
    }

    void unsold(int row) {
      winners[row] = -1;
      bidStart[row + 1] = accepted;
    }

    void sold(int row, int agent, long price, int creative) {
      bidStart[row + 1] = accepted;
      winners[row] = agent;
      prices[row] = price;
      creatives[row] = creative;
      impressions[agent]++;
      spends[agent] += price;
    }

    ClearedAuctions build() {
      return new ClearedAuctions(bidStart, Arrays.copyOf(bidAgents, accepted), Arrays.copyOf(bidMicros, accepted),
          Arrays.copyOf(bidCreatives, accepted), winners, prices, creatives, bidCounts, bidSums, impressions, spends);
    }
  }
}
