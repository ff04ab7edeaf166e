package org.bidarena.core.protocol;

/**
 * The public columns of a partition's auctions of one tick, one row per auction: what every bidder may
 * see. One object is shared by all the bidders of the partition; it holds no agent's memory.
 *
 * @param stages the customer's lifecycle stage code
 * @param region visible features: all zeros when the scenario hides a feature from bidders
 * @param interests bit i = interest signal i
 */
public record AuctionBatch(
    int[] customers, byte[] stages, short[] region, byte[] device, int[] interests, byte[] valueTier) {

  public int size() {
    return customers.length;
  }
}
