package org.bidarena.core.protocol;

/** Auction ids: row {@code index} of the auctions of (tick, partition). Shared by exchange and agents. */
public final class AuctionId {
  private AuctionId() {}

  /** 20 bits of tick, 12 of partition, 31 of row. */
  public static long of(long tick, int partition, int index) {
    return (tick << 43) | ((long) partition << 31) | index;
  }
}
