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
    long[] pricesMicros)
    implements TickEvent, ExchangeEvent {

  public int auctions() {
    return customers.length;
  }
}
