package org.bidarena.agents.replay;

/**
 * A market-price distribution m(delta), delta = 0..maxPrice, from a histogram: the probability that the
 * market price of an auction is delta. With it: the chance a bid a wins, W(a) = sum_{delta <= a} m(delta),
 * and the expected cost per auction of bidding a, C(a) = sum_{delta <= a} m(delta) * delta.
 *
 * <p>It also tunes the two baselines the protocol gives no tuning data for, on the training histogram
 * only (never on the test log): with a budget of B per N auctions, a policy that wins with probability w
 * and spends c per auction on average runs out after B / c auctions, so it wins about
 * w * min(N, B / c) impressions. Clicks are that times the average CTR when the click does not depend on
 * the price, so the best baseline is the one that maximises it.
 */
public final class BidLandscape {
  private final double[] m;
  private final double[] win;
  private final double[] cost;

  public BidLandscape(long[] histogram) {
    long total = 0;
    for (long c : histogram) {
      if (c < 0) {
        throw new IllegalArgumentException("negative count in the price histogram");
      }
      total += c;
    }
    if (total == 0) {
      throw new IllegalArgumentException("empty price histogram");
    }
    int n = histogram.length;
    m = new double[n];
    win = new double[n];
    cost = new double[n];
    double w = 0;
    double c = 0;
    for (int d = 0; d < n; d++) {
      m[d] = (double) histogram[d] / total;
      w += m[d];
      c += m[d] * d;
      win[d] = w;
      cost[d] = c;
    }
  }

  public int maxPrice() {
    return m.length - 1;
  }

  /** m(delta), the probability of market price delta. */
  public double probability(int delta) {
    return m[delta];
  }

  /** A copy of m. */
  public double[] probabilities() {
    return m.clone();
  }

  /** The probability that a bid of {@code a} wins (a >= market price). */
  public double winRate(int a) {
    return a < 0 ? 0 : win[Math.min(a, maxPrice())];
  }

  /** The expected cost per auction of bidding {@code a}. */
  public double expectedCost(int a) {
    return a < 0 ? 0 : cost[Math.min(a, maxPrice())];
  }

  /** Expected impressions per episode of a policy with win rate w and cost c per auction. */
  static double expectedWins(double w, double c, long budget, int n) {
    if (w <= 0) {
      return 0;
    }
    return c <= 0 ? w * n : w * Math.min(n, budget / c);
  }

  /** Const's bid: the constant 0..maxPrice with the most expected impressions; the lowest on a tie. */
  public int bestConstant(long budget, int n) {
    int best = 0;
    double bestWins = -1;
    for (int a = 0; a <= maxPrice(); a++) {
      double wins = expectedWins(winRate(a), expectedCost(a), budget, n);
      if (wins > bestWins) {
        best = a;
        bestWins = wins;
      }
    }
    return best;
  }

  /** Rand's maximum: bids uniform on 0..max, the max with the most expected impressions; the lowest on a tie. */
  public int bestRandomMax(long budget, int n) {
    int best = 0;
    double bestWins = -1;
    double winSum = 0;
    double costSum = 0;
    for (int max = 0; max <= maxPrice(); max++) {
      winSum += winRate(max);
      costSum += expectedCost(max);
      double wins = expectedWins(winSum / (max + 1), costSum / (max + 1), budget, n);
      if (wins > bestWins) {
        best = max;
        bestWins = wins;
      }
    }
    return best;
  }
}
