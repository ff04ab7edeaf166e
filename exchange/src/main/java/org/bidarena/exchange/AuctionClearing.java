package org.bidarena.exchange;

import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.ExchangeProtocol.Bids;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.AuctionType;

/**
 * Clears the auctions of one (tick, partition) from sparse bids: plain Java, no actors, cost
 * O(auctions + bids + agents).
 *
 * <p>Auctions are cleared in index order, because an agent's spend limit is shared by all the auctions of
 * the call: a bid is accepted only when it is positive, at least the reserve, within [minBid, maxBid] and
 * no more than what is left of the agent's limit. Since an agent never pays more than its bid, this keeps
 * its spend within the limit. The highest accepted bid wins; ties are broken by a seeded draw over the
 * tied agents in ascending agent order, so the result depends only on (seed, auction id), never on the
 * order in which bids arrived.
 *
 * <p>The bids are first counting-sorted by row; walking the agents in ascending order keeps each row's bids
 * in agent order, which is the order the tie-break counts in.
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
   * @param bids entry a is agent a's bids (rows strictly ascending, each below {@code auctions}); not modified
   */
  public ClearedAuctions clear(long tick, int partition, int auctions, Bids[] bids) {
    int agents = bids.length;
    int[] start = new int[auctions + 1];
    int total = 0;
    for (int a = 0; a < agents; a++) {
      int[] rows = bids[a].rows();
      total += rows.length;
      int prev = -1;
      for (int r : rows) {
        if (r <= prev || r >= auctions) {
          throw new IllegalArgumentException("agent " + a + " bid on row " + r + " after row " + prev
              + " of " + auctions + " auctions; rows must be ascending and in range");
        }
        prev = r;
        start[r + 1]++;
      }
    }
    for (int i = 0; i < auctions; i++) {
      start[i + 1] += start[i];
    }
    int[] at = java.util.Arrays.copyOf(start, auctions);
    int[] agentOf = new int[total];
    long[] priceOf = new long[total];
    int[] creativeOf = new int[total];
    for (int a = 0; a < agents; a++) {
      Bids b = bids[a];
      for (int k = 0; k < b.rows().length; k++) {
        int slot = at[b.rows()[k]]++;
        agentOf[slot] = a;
        priceOf[slot] = b.pricesMicros()[k];
        creativeOf[slot] = b.creatives()[k];
      }
    }
    return clearSorted(tick, partition, auctions, agents, start, agentOf, priceOf, creativeOf, bids);
  }

  private ClearedAuctions clearSorted(long tick, int partition, int auctions, int agents, int[] start,
      int[] agentOf, long[] priceOf, int[] creativeOf, Bids[] bids) {
    ClearedAuctions.Builder out = new ClearedAuctions.Builder(auctions, agents, agentOf.length);
    long[] left = new long[agents];
    for (int a = 0; a < agents; a++) {
      left[a] = bids[a].spendLimitMicros();
    }
    boolean[] accepted = new boolean[agentOf.length];
    long floor = Math.max(1, Math.max(spec.reserveMicros(), spec.minBidMicros()));
    long ceiling = spec.maxBidMicros();
    boolean firstPrice = spec.type() == AuctionType.FIRST_PRICE;

    for (int i = 0; i < auctions; i++) {
      int best = -1;
      int tied = 0;
      long top = 0;
      long second = 0;
      for (int s = start[i]; s < start[i + 1]; s++) {
        int a = agentOf[s];
        long b = priceOf[s];
        if (b < floor || b > ceiling || b > left[a]) {
          continue;
        }
        accepted[s] = true;
        out.accept(a, b, creativeOf[s]);
        if (b > top) {
          second = top;
          top = b;
          best = s;
          tied = 1;
        } else if (b == top) {
          second = top;
          tied++;
        } else if (b > second) {
          second = b;
        }
      }
      if (best < 0) {
        out.unsold(i);
        continue;
      }
      if (tied > 1) {
        best = pickTied(accepted, priceOf, start[i], start[i + 1], top, SeededStreams.below(streams.bits(
            SeededStreams.Stream.TIE_BREAK, auctionId(tick, partition, i)), tied));
      }
      long price = firstPrice ? top : Math.max(second, spec.reserveMicros());
      int winner = agentOf[best];
      out.sold(i, winner, price, creativeOf[best]);
      left[winner] -= price;
    }
    return out.build();
  }

  /** The slot of the k-th accepted bid, in ascending agent order, of the row's slots that equals top. */
  private static int pickTied(boolean[] accepted, long[] priceOf, int from, int to, long top, int k) {
    for (int s = from; s < to; s++) {
      if (accepted[s] && priceOf[s] == top && k-- == 0) {
        return s;
      }
    }
    throw new IllegalStateException("tie count out of step");
  }
}
