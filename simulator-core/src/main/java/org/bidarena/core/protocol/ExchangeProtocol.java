package org.bidarena.core.protocol;

/** Messages an Exchange partition accepts. */
public final class ExchangeProtocol {
  private ExchangeProtocol() {}

  public sealed interface Command {}

  /** One shard's visits for a tick; the partition waits for all of its shards. */
  public record Visits(long tick, int shard, VisitBatch batch) implements Command {}

  /**
   * One agent's bids for a partition's auctions.
   *
   * @param bids one per auction in the order of the BidRequests; 0 means no bid
   * @param spendLimitMicros the most this agent may spend in this partition this tick (its pacing share)
   */
  public record Bids(long tick, int partition, int agent, long[] bids, long spendLimitMicros) implements Command {}
}
