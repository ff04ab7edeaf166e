package org.bidarena.agents;

import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.ExchangeProtocol.Bids;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.VisitBatch;

/** Test helpers: per-auction feedback messages from totals, and sparse bids and batches as dense columns. */
final class Messages {
  private Messages() {}

  /** A win notice of {@code impressions} auctions (rows 0..) whose prices add up to {@code spend}. */
  static BidderProtocol.WinNotice winNotice(long tick, int partition, int bids, long bidSum, int impressions,
      long spend) {
    long[] ids = new long[impressions];
    long[] prices = new long[impressions];
    for (int i = 0; i < impressions; i++) {
      ids[i] = AuctionId.of(tick, partition, i);
      prices[i] = spend / impressions + (i == 0 ? spend % impressions : 0);
    }
    if (impressions == 0 && spend != 0) {
      throw new IllegalArgumentException("spend without impressions");
    }
    return new BidderProtocol.WinNotice(tick, partition, bids, bidSum, ids, prices, new int[impressions]);
  }

  /** Outcomes of {@code clicks} click rows and {@code conversions} purchase rows, the revenue on the first row. */
  static BidderProtocol.Outcomes outcomes(long tick, int shard, int clicks, int conversions, long revenue) {
    int n = clicks + conversions;
    if (n == 0 && revenue != 0) {
      throw new IllegalArgumentException("revenue without rows");
    }
    long[] ids = new long[n];
    byte[] kinds = new byte[n];
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = AuctionId.of(tick, 0, i);
      kinds[i] = i < clicks ? BidderProtocol.Outcomes.CLICK : BidderProtocol.Outcomes.PURCHASE;
    }
    if (n > 0) {
      values[n - 1] = revenue;
    }
    return new BidderProtocol.Outcomes(tick, shard, ids, kinds, values);
  }

  /** Sparse bids as one price per row, 0 where there is none. */
  static long[] dense(Bids bids, int rows) {
    long[] out = new long[rows];
    for (int k = 0; k < bids.rows().length; k++) {
      out[bids.rows()[k]] = bids.pricesMicros()[k];
    }
    return out;
  }

  /** The planner's bids on a batch (as agent {@code agent} would get it), one price per row. */
  static long[] plan(BidPlanner planner, int agent, long tick, int partition, VisitBatch batch) {
    OwnMemory own = OwnMemory.split(batch, agent + 1)[agent];
    AuctionBatch auctions = batch.auctions();
    return dense(planner.plan(tick, partition, auctions, own, Long.MAX_VALUE, Long.MAX_VALUE), batch.size());
  }
}
