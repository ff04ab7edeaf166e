package org.bidarena.core.protocol;

/** Messages a CustomerShard accepts. */
public final class ShardProtocol {
  private ShardProtocol() {}

  public sealed interface Command {}

  /** Start tick {@code tick}: draw this tick's visits and send them to the shard's exchange partition. */
  public record Tick(long tick) implements Command {}

  /**
   * The auctions of the shard's visits were cleared.
   *
   * @param winners one entry per visit, in the order of the shard's VisitBatch: the winning agent or -1
   */
  public record Impressions(long tick, byte[] winners) implements Command {}
}
