package org.bidarena.exchange;

import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.AuctionType;

/**
 * The straightforward clearing over a dense [agent][auction] matrix, cost O(auctions x agents): the
 * reference the sparse {@link AuctionClearing} must agree with on any input.
 */
final class DenseReferenceClearing {
  /** Winners, prices and accepted bids of one clearing. */
  record Result(int[] winners, long[] prices, long[][] accepted, long[] spends) {}

  private DenseReferenceClearing() {}

  static Result clear(AuctionSpec spec, SeededStreams streams, long tick, int partition, long[][] bids, long[] limits) {
    int agents = bids.length;
    int auctions = agents == 0 ? 0 : bids[0].length;
    long[][] accepted = new long[agents][auctions];
    int[] winners = new int[auctions];
    long[] prices = new long[auctions];
    long[] left = limits.clone();
    long[] spends = new long[agents];
    long floor = Math.max(1, Math.max(spec.reserveMicros(), spec.minBidMicros()));
    for (int i = 0; i < auctions; i++) {
      long top = 0;
      long second = 0;
      int tied = 0;
      for (int a = 0; a < agents; a++) {
        long b = bids[a][i];
        if (b < floor || b > spec.maxBidMicros() || b > left[a]) {
          continue;
        }
        accepted[a][i] = b;
        if (b > top) {
          second = top;
          top = b;
          tied = 1;
        } else if (b == top) {
          second = top;
          tied++;
        } else if (b > second) {
          second = b;
        }
      }
      if (tied == 0) {
        winners[i] = -1;
        continue;
      }
      int k = tied == 1 ? 0 : SeededStreams.below(
          streams.bits(SeededStreams.Stream.TIE_BREAK, AuctionClearing.auctionId(tick, partition, i)), tied);
      int winner = -1;
      for (int a = 0; a < agents && winner < 0; a++) {
        if (accepted[a][i] == top && k-- == 0) {
          winner = a;
        }
      }
      long price = spec.type() == AuctionType.FIRST_PRICE ? top : Math.max(second, spec.reserveMicros());
      winners[i] = winner;
      prices[i] = price;
      left[winner] -= price;
      spends[winner] += price;
    }
    return new Result(winners, prices, accepted, spends);
  }
}
