package org.bidarena.core.protocol;

import org.apache.pekko.actor.typed.RecipientRef;
import org.bidarena.core.replay.LoggedAuctions;
import org.bidarena.core.replay.SequentialPolicy;

/** Messages an Exchange partition accepts. */
public final class ExchangeProtocol {
  private ExchangeProtocol() {}

  public sealed interface Command {}

  /** One shard's visits for a tick; the partition waits for all of its shards. */
  public record Visits(long tick, int shard, VisitBatch batch) implements Command {}

  /**
   * One agent's bids for a partition's auctions, sparse: only the rows it bids on.
   *
   * @param rows auction rows of the BidRequests, strictly ascending
   * @param pricesMicros the bid on each of those rows, in micros per impression
   * @param creatives the creative index the agent would show on each of those rows
   * @param spendLimitMicros the most this agent may spend in this partition this tick (its pacing share)
   */
  public record Bids(long tick, int partition, int agent, int[] rows, long[] pricesMicros, int[] creatives,
      long spendLimitMicros) implements Command {

    /** No bid at all. */
    public static Bids none(long tick, int partition, int agent, long spendLimitMicros) {
      return new Bids(tick, partition, agent, new int[0], new long[0], new int[0], spendLimitMicros);
    }

    public int count() {
      return rows.length;
    }
  }

  /**
   * One episode of a real bid log, episode {@code tick} of this partition: the exchange clears it against
   * the logged market prices, asking {@code policy} for each bid in log order, journals it as
   * AuctionsCleared and answers {@link EpisodeCleared}. The policy is a local object: a replay runs on one
   * node, so this message is never serialized.
   *
   * @param budget the episode's budget, in the log's price unit
   * @param microsPerUnit micros per impression of one log price unit, for the journal
   */
  public record ReplayEpisode(
      long tick, String agent, LoggedAuctions auctions, SequentialPolicy policy, long budget, int maxBid,
      long microsPerUnit, RecipientRef<EpisodeCleared> replyTo) implements Command {}

  /** What one replayed episode gave the agent, in the log's price unit. */
  public record EpisodeCleared(long tick, int partition, int auctions, int impressions, int clicks, long cost) {}

  /**
   * Stop for good: the Driver is rewinding the run. Processed only after any write under way, and
   * answered with {@link DriverProtocol.Halted} for {@code incarnation}.
   */
  public record Halt(Incarnation incarnation) implements Command, HaltRequest {}
}
