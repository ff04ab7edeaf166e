package org.bidarena.core.protocol;

/** Messages a CustomerShard accepts. */
public final class ShardProtocol {
  private ShardProtocol() {}

  public sealed interface Command {}

  /** Start tick {@code tick}: draw this tick's visits and send them to the shard's exchange partition. */
  public record Tick(long tick) implements Command {}

  /**
   * The auctions of the shard's visits were cleared. Visit v of the shard's VisitBatch was auction
   * {@code firstAuctionId + v}.
   *
   * @param winners one entry per visit: the winning agent or -1
   * @param creatives the creative shown, 0 where nothing sold
   * @param pricesMicros the price paid, 0 where nothing sold
   */
  public record Impressions(long tick, long firstAuctionId, int[] winners, int[] creatives, long[] pricesMicros)
      implements Command {}

  /**
   * Stop for good: the Driver is rewinding the run. Processed only after any write under way, and
   * answered with {@link DriverProtocol.Halted} for {@code incarnation}.
   */
  public record Halt(Incarnation incarnation) implements Command, HaltRequest {}
}
