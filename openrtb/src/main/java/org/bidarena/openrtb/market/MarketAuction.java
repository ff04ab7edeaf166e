package org.bidarena.openrtb.market;

import org.bidarena.core.customer.Stage;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.BidderProtocol.BidRequests;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.scenario.AuctionType;

/**
 * One market auction as one bidder may see it: what {@link MarketMapper} puts into a BidRequest.
 *
 * <p>Only what the market shows this bidder is here: the customer's stage, this agent's own frequency with
 * the customer, and whether the customer's last click was on this agent's ad. Model 2.0's customer features
 * and creatives are added here and in the mapper, nowhere else.
 */
public record MarketAuction(
    long tick, int partition, int row, int customer, Stage stage, int ownFrequency, boolean lastClickWasOwn,
    long floorMicros, AuctionType type, int tmaxMs) {

  /** Row {@code row} of a partition's requests to one agent, as that agent sees it. */
  public static MarketAuction of(BidRequests request, int row, AuctionType type, int tmaxMs) {
    var batch = request.auctions();
    var own = request.own();
    int k = own.indexOf(row);
    return new MarketAuction(request.tick(), request.partition(), row, batch.customers()[row],
        Stage.of(batch.stages()[row]), k < 0 ? 0 : own.frequencyToday()[k],
        k >= 0 && own.lastClickTick()[k] != VisitBatch.NEVER, request.reserveMicros(), type, tmaxMs);
  }

  /** The market's auction id, the BidRequest's {@code id}. */
  public long auctionId() {
    return AuctionId.of(tick, partition, row);
  }
}
