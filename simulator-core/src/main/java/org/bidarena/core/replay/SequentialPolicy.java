package org.bidarena.core.replay;

/**
 * A bidder's policy that decides each auction of an episode in turn, knowing the budget left after the
 * auctions before it. The exchange's log-replay clearing calls it once per auction, in log order, so a
 * policy such as RLB can depend on what the earlier auctions of the same episode cost, while the actors
 * still exchange one message per episode.
 *
 * <p>Implementations must be pure functions of their arguments (and of their own immutable fields), so
 * that a replay gives the same journal however often it runs.
 */
public interface SequentialPolicy {
  /**
   * @param episode the episode's auctions
   * @param index the auction's row in {@code episode}
   * @param auctionsLeft auctions left in the episode, this one included (at least 1)
   * @param budgetLeft budget left in the log's price unit
   * @return the bid in the log's price unit; the exchange caps it at the budget left and the maximum bid
   */
  int bid(LoggedAuctions episode, int index, int auctionsLeft, long budgetLeft);
}
