package org.bidarena.core.protocol;

/** Messages a Bidder accepts. */
public final class BidderProtocol {
  private BidderProtocol() {}

  public sealed interface Command {}

  /** A partition's auctions of one tick; the bidder answers with {@link ExchangeProtocol.Bids}. */
  public record BidRequests(long tick, int partition, VisitBatch auctions, long reserveMicros)
      implements Command {}

  /**
   * What the agent bought in one partition this tick.
   *
   * @param bids bids accepted by the exchange (at or above the reserve and within the spend limit)
   * @param bidSumMicros the sum of those bids
   */
  public record WinNotice(long tick, int partition, int bids, long bidSumMicros, int impressions, long spendMicros)
      implements Command {}

  /** The clicks and purchases one shard attributed to the agent this tick. */
  public record Outcomes(long tick, int shard, int clicks, int conversions, long revenueMicros) implements Command {}

  /**
   * Stop for good: the Driver is rewinding the run. Processed only after any write under way, and
   * answered with {@link DriverProtocol.Halted} for {@code incarnation}.
   */
  public record Halt(Incarnation incarnation) implements Command, HaltRequest {}
}
