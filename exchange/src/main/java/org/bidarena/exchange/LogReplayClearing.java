package org.bidarena.exchange;

import org.bidarena.core.replay.LoggedAuctions;
import org.bidarena.core.replay.SequentialPolicy;

/**
 * Clears one episode of a real bid log against its logged market prices: plain Java, no actors.
 *
 * <p>The logged market price takes part as a competitor, the "market", that bids exactly that price and
 * loses ties. The auction is second price with no reserve, so when our agent's bid a is at least the
 * market price it wins and pays the market price, the second-highest bid; otherwise the market keeps the
 * impression at the price it paid in the real auction. Auctions are cleared in log order: the policy sees
 * the budget left after the ones before, and its bid is capped at that budget and at the maximum bid, so
 * the agent never spends more than the episode's budget. As in the protocol, a bid of 0 wins an auction
 * whose market price is 0.
 */
public final class LogReplayClearing {
  /** The agent index of our bidder in a replayed auction; the market is {@link #MARKET}. */
  public static final int AGENT = 0;
  public static final int MARKET = 1;
  public static final String MARKET_ID = "market";

  private LogReplayClearing() {}

  /**
   * The episode's outcome, in the log's price unit.
   *
   * @param bids the agent's capped bid per auction
   * @param winners {@link #AGENT} or {@link #MARKET} per auction
   */
  public record ClearedEpisode(long[] bids, int[] winners, long budgetLeft, int impressions, int clicks, long cost) {}

  public static ClearedEpisode clear(LoggedAuctions auctions, SequentialPolicy policy, long budget, int maxBid) {
    int n = auctions.size();
    long[] bids = new long[n];
    int[] winners = new int[n];
    long left = budget;
    int impressions = 0;
    int clicks = 0;
    for (int i = 0; i < n; i++) {
      long a = Math.max(0, Math.min(Math.min(policy.bid(auctions, i, n - i, left), maxBid), left));
      bids[i] = a;
      int price = auctions.marketPrice()[i];
      if (a >= price) {
        winners[i] = AGENT;
        left -= price;
        impressions++;
        clicks += auctions.clicks()[i];
      } else {
        winners[i] = MARKET;
      }
    }
    return new ClearedEpisode(bids, winners, left, impressions, clicks, budget - left);
  }
}
