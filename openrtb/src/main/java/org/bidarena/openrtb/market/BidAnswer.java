package org.bidarena.openrtb.market;

import org.bidarena.openrtb.model.Bid;

/**
 * What one external bidder's answer to one auction means to the market.
 *
 * @param bidMicros the bid in micros per impression, 0 for no bid
 * @param reason why it is no bid, or null for a bid
 * @param detail one line for the log when it is no bid
 * @param bid the chosen Bid (for its adm and notice URLs), or null
 * @param seat the chosen bid's seat, or null
 * @param responseBidId the BidResponse's {@code bidid}, or null
 */
public record BidAnswer(long bidMicros, NoBidReason reason, String detail, Bid bid, String seat, String responseBidId) {
  public static BidAnswer noBid(NoBidReason reason, String detail) {
    return new BidAnswer(0, reason, detail, null, null, null);
  }

  public boolean isBid() {
    return reason == null;
  }
}
