package org.bidarena.exchange;

import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.AuctionType;

/**
 * Clears the auctions of one (tick, partition): plain Java, no actors, no allocation per auction.
 *
 * <p>Auctions are cleared in index order, because an agent's spend limit is shared by all the auctions of
 * the call: a bid is accepted only when it is positive, at least the reserve, within [minBid, maxBid] and
 * no more than what is left of the agent's limit. Since an agent never pays more than its bid, this keeps
 * its spend within the limit. The highest accepted bid wins; ties are broken by a seeded draw over the
 * tied agents in ascending agent order, so the result depends only on (seed, auction id), never on the
 * order in which bids arrived.
 */
public final class AuctionClearing {
  private final AuctionSpec spec;
  private final SeededStreams streams;

  public AuctionClearing(AuctionSpec spec, SeededStreams streams) {
    this.spec = spec;
    this.streams = streams;
  }

  /** The id of auction row {@code index} of (tick, partition); see {@link AuctionId}. */
  public static long auctionId(long tick, int partition, int index) {
    return AuctionId.of(tick, partition, index);
  }

  public AuctionSpec spec() {
    return spec;
  }

  /**
   * @param bids [agent][auction] in micros per impression, 0 = no bid; not modified
   * @param spendLimitMicros per agent, the most it may spend over all the auctions of this call
   */
  public ClearedAuctions clear(long tick, int partition, int auctions, long[][] bids, long[] spendLimitMicros) {
    int agents = bids.length;
    if (spendLimitMicros.length != agents) {
      throw new IllegalArgumentException(
          "bids for " + agents + " agents but spend limits for " + spendLimitMicros.length);
    }
    long[][] accepted = new long[agents][auctions];
    int[] winners = new int[auctions];
    long[] prices = new long[auctions];
    long[] left = spendLimitMicros.clone();
    int[] bidCounts = new int[agents];
    long[] bidSums = new long[agents];
    int[] impressions = new int[agents];
    long[] spends = new long[agents];
    long floor = Math.max(1, Math.max(spec.reserveMicros(), spec.minBidMicros()));
    long ceiling = spec.maxBidMicros();
    boolean firstPrice = spec.type() == AuctionType.FIRST_PRICE;

    for (int i = 0; i < auctions; i++) {
      int best = -1;
      int tied = 0;
      long top = 0;
      long second = 0;
      for (int a = 0; a < agents; a++) {
        long b = bids[a][i];
        if (b < floor || b > ceiling || b > left[a]) {
          continue;
        }
        accepted[a][i] = b;
        bidCounts[a]++;
        bidSums[a] += b;
        if (b > top) {
          second = top;
          top = b;
          best = a;
          tied = 1;
        } else if (b == top) {
          second = top;
          tied++;
        } else if (b > second) {
          second = b;
        }
      }
      if (best < 0) {
        winners[i] = -1;
        continue;
      }
      if (tied > 1) {
        best = pickTied(accepted, i, top, SeededStreams.below(streams.bits(
            SeededStreams.Stream.TIE_BREAK, auctionId(tick, partition, i)), tied));
      }
      long price = firstPrice ? top : Math.max(second, spec.reserveMicros());
      winners[i] = best;
      prices[i] = price;
      left[best] -= price;
      impressions[best]++;
      spends[best] += price;
    }
    return new ClearedAuctions(accepted, winners, prices, bidCounts, bidSums, impressions, spends);
  }

  /** The k-th agent, in ascending order, whose accepted bid on auction i equals top. */
  private static int pickTied(long[][] accepted, int i, long top, int k) {
    for (int a = 0; a < accepted.length; a++) {
      if (accepted[a][i] == top && k-- == 0) {
        return a;
      }
    }
    throw new IllegalStateException("tie count out of step");
  }
}
