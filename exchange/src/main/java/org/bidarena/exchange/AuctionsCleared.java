package org.bidarena.exchange;

import java.util.List;
import org.bidarena.core.journal.TickEvent;
import org.bidarena.core.scenario.AuctionType;

/**
 * Every auction one exchange partition cleared in one tick, columnar. Auction i has the id
 * {@code AuctionId.of(tick, partition, i)}.
 *
 * @param agents agent ids, in agent order; {@code bids[a]} is agent a's column
 * @param bids [agent][auction]: accepted bids, 0 for no bid or a rejected one
 * @param winners the winning agent, or -1 when unsold
 * @param pricesMicros what the winner paid, 0 when unsold
 * @param loggedClicks for a replayed bid log, the logged click (1 or 0) of each auction; empty for simulated
 *     traffic, whose clicks the customer shards draw
 */
public record AuctionsCleared(
    long tick,
    int partition,
    AuctionType type,
    long reserveMicros,
    List<String> agents,
    int[] customers,
    byte[] stages,
    long[][] bids,
    int[] winners,
    long[] pricesMicros,
    byte[] loggedClicks)
    implements TickEvent, ExchangeEvent {

  public int auctions() {
    return customers.length;
  }

  /** True for the auctions of a replayed bid log. */
  public boolean replayed() {
    return loggedClicks.length > 0;
  }
}
