package org.bidarena.exchange;

import java.util.List;
import org.bidarena.core.journal.TickEvent;
import org.bidarena.core.protocol.ExchangeProtocol.Bids;
import org.bidarena.core.scenario.AuctionType;

/**
 * Every auction one exchange partition cleared in one tick, columnar. Auction i has the id
 * {@code AuctionId.of(tick, partition, i)}. Accepted bids are sparse, grouped by auction.
 *
 * @param agents agent ids, in agent order; an agent index points into this list
 * @param bidStart per auction i, its accepted bids are [bidStart[i], bidStart[i + 1]), in agent order
 * @param bidAgents the agent of each accepted bid
 * @param bidMicros each accepted bid
 * @param bidCreatives the creative of each accepted bid
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
    int[] bidStart,
    int[] bidAgents,
    long[] bidMicros,
    int[] bidCreatives,
    int[] winners,
    long[] pricesMicros,
    byte[] loggedClicks)
    implements TickEvent, ExchangeEvent {

  public int auctions() {
    return customers.length;
  }

  public int bids() {
    return bidAgents.length;
  }

  /** True for the auctions of a replayed bid log. */
  public boolean replayed() {
    return loggedClicks.length > 0;
  }

  /** The agent's accepted bid on auction i, or 0 when it had none. */
  public long bid(int agent, int auction) {
    for (int k = bidStart[auction]; k < bidStart[auction + 1]; k++) {
      if (bidAgents[k] == agent) {
        return bidMicros[k];
      }
    }
    return 0;
  }

  /** The creative shown on auction i, or 0 when unsold. */
  public int winnerCreative(int auction) {
    int w = winners[auction];
    for (int k = bidStart[auction]; w >= 0 && k < bidStart[auction + 1]; k++) {
      if (bidAgents[k] == w) {
        return bidCreatives[k];
      }
    }
    return 0;
  }

  /**
   * Each agent's accepted bids as the Bids message that would place them again, with the given spend
   * limits. One pass: O(auctions + bids + agents).
   */
  public Bids[] bidsByAgent(long[] spendLimitsMicros) {
    int agentCount = spendLimitsMicros.length;
    int[] count = new int[agentCount];
    for (int a : bidAgents) {
      count[a]++;
    }
    int[][] rows = new int[agentCount][];
    long[][] prices = new long[agentCount][];
    int[][] creatives = new int[agentCount][];
    for (int a = 0; a < agentCount; a++) {
      rows[a] = new int[count[a]];
      prices[a] = new long[count[a]];
      creatives[a] = new int[count[a]];
      count[a] = 0;
    }
    for (int i = 0; i < auctions(); i++) {
      for (int k = bidStart[i]; k < bidStart[i + 1]; k++) {
        int a = bidAgents[k];
        int j = count[a]++;
        rows[a][j] = i;
        prices[a][j] = bidMicros[k];
        creatives[a][j] = bidCreatives[k];
      }
    }
    Bids[] out = new Bids[agentCount];
    for (int a = 0; a < agentCount; a++) {
      out[a] = new Bids(tick, partition, a, rows[a], prices[a], creatives[a], spendLimitsMicros[a]);
    }
    return out;
  }
}
