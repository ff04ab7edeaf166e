package org.bidarena.core.protocol;

/** Messages a Bidder accepts. */
public final class BidderProtocol {
  private BidderProtocol() {}

  public sealed interface Command {}

  /**
   * A partition's auctions of one tick; the bidder answers with {@link ExchangeProtocol.Bids}.
   *
   * @param auctions the public columns, one object shared by every bidder of the partition
   * @param own this agent's memory rows only
   */
  public record BidRequests(long tick, int partition, AuctionBatch auctions, OwnMemory own, long reserveMicros)
      implements Command {}

  /**
   * What the agent bought in one partition this tick, auction by auction.
   *
   * @param bids bids accepted by the exchange (at or above the reserve and within the spend limit)
   * @param bidSumMicros the sum of those bids
   * @param auctionIds the auctions won, ascending; the price paid and the creative shown are at the same index
   */
  public record WinNotice(long tick, int partition, int bids, long bidSumMicros, long[] auctionIds,
      long[] pricesMicros, int[] creatives) implements Command {

    public int impressions() {
      return auctionIds.length;
    }

    public long spendMicros() {
      long sum = 0;
      for (long p : pricesMicros) {
        sum = Math.addExact(sum, p);
      }
      return sum;
    }
  }

  /**
   * The agent's own clicks and purchases in one shard this tick, one row each.
   *
   * @param auctionIds for a click, the clicked impression's auction; for a purchase, the auction of the
   *     agent's last clicked impression it is attributed to
   * @param kinds a bit set: {@link #CLICK}, {@link #PURCHASE}, {@link #NEW_CUSTOMER}
   * @param valueMicros the purchase's value, 0 for a click alone
   */
  public record Outcomes(long tick, int shard, long[] auctionIds, byte[] kinds, long[] valueMicros)
      implements Command {
    public static final byte CLICK = 1;
    public static final byte PURCHASE = 2;
    public static final byte NEW_CUSTOMER = 4;

    public int count(byte kind) {
      int n = 0;
      for (byte k : kinds) {
        if ((k & kind) != 0) {
          n++;
        }
      }
      return n;
    }

    public long revenueMicros() {
      long sum = 0;
      for (long v : valueMicros) {
        sum = Math.addExact(sum, v);
      }
      return sum;
    }
  }

  /**
   * An external bidder's answers to a partition's {@link BidRequests}, journaled and ready to bid with. Sent
   * by an external agent's Bidder to itself; it never crosses nodes.
   */
  public record ExternalAnswered(BidRequests request, org.bidarena.core.external.ExternalAnswers answers)
      implements Command {}

  /**
   * Stop for good: the Driver is rewinding the run. Processed only after any write under way, and
   * answered with {@link DriverProtocol.Halted} for {@code incarnation}.
   */
  public record Halt(Incarnation incarnation) implements Command, HaltRequest {}
}
