package org.bidarena.allocation;

import java.util.Arrays;

/**
 * The ground truth a real marketer never has: the split with the highest expected profit on a day, given the
 * true noise-free response curves, under the static bounds (minimums, maximums, floor, frozen channels; the
 * daily change cap is a rule about the path, not the day, so the optimum ignores it and regret includes what
 * the cap costs).
 *
 * <p>A split is valued in the long run, as if it were kept every day ({@link ChannelMarket#steadyProfit}),
 * on the day's seasonality: each unit of spend is credited with the carry-over it earns on later days. Valuing
 * a day alone, given the carry-over so far, would ignore that and call every slow channel (influencer,
 * Weibull carry-over over two weeks) a waste; and it would make a day's regret depend on the allocator's
 * own past, not on its choice of the day.
 *
 * <p>Dynamic programming over a grid: what is left after the minimums and frozen channels is cut into
 * {@code steps} equal parts, and the best way to give each channel a number of parts is exact on that grid
 * for any curve shape (an S-shaped Hill curve too, where greedy water-filling can stop in a local optimum).
 */
public final class Optimum {
  /** A day's best split and its expected profit (micros). */
  public record Day(long[] budgets, double expectedProfit) {}

  private final Bounds bounds;
  private final int steps;

  public Optimum(Bounds bounds, int steps) {
    this.bounds = bounds;
    this.steps = steps;
  }

  public Day of(ChannelMarket market, int day) {
    int n = bounds.size();
    long budget = bounds.budgetMicros();
    long[] base = new long[n];
    long[] room = new long[n];
    long fixed = 0;
    for (int i = 0; i < n; i++) {
      base[i] = (long) Math.ceil(bounds.lo(i) * budget - 1e-6);
      long top = (long) Math.floor(bounds.hi(i) * budget + 1e-6);
      if (bounds.channels().get(i).frozen()) {
        base[i] = Math.round(bounds.lo(i) * budget);
        top = base[i];
      }
      room[i] = Math.max(0, top - base[i]);
      fixed += base[i];
    }
    long free = Math.max(0, budget - fixed);
    double step = (double) free / steps;
    double value = market.orderValueMicros() * market.margin();
    // best[j][r]: the most expected gross profit of channels 0..j-1 using exactly r steps
    double[][] best = new double[n + 1][steps + 1];
    int[][] choice = new int[n + 1][steps + 1];
    for (double[] row : best) {
      Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    best[0][0] = 0;
    for (int j = 0; j < n; j++) {
      int kMax = step == 0 ? 0 : (int) Math.min(steps, Math.floor(room[j] / step + 1e-9));
      double[] gain = new double[kMax + 1];
      for (int k = 0; k <= kMax; k++) {
        gain[k] = market.steadyConversions(j, day, base[j] + k * step) * value;
      }
      for (int r = 0; r <= steps; r++) {
        if (best[j][r] == Double.NEGATIVE_INFINITY) {
          continue;
        }
        for (int k = 0; k <= kMax && r + k <= steps; k++) {
          double v = best[j][r] + gain[k];
          if (v > best[j + 1][r + k]) {
            best[j + 1][r + k] = v;
            choice[j + 1][r + k] = k;
          }
        }
      }
    }
    int r = steps;
    while (r > 0 && best[n][r] == Double.NEGATIVE_INFINITY) {
      r--;
    }
    long[] budgets = base.clone();
    for (int j = n; j > 0; j--) {
      int k = choice[j][r];
      budgets[j - 1] += (long) Math.floor(k * step);
      r -= k;
    }
    // the micros the grid could not place go to channels with room, in order
    long left = budget - Arrays.stream(budgets).sum();
    for (int i = 0; i < n && left > 0; i++) {
      long top = base[i] + room[i];
      long add = Math.min(left, top - budgets[i]);
      if (add > 0) {
        budgets[i] += add;
        left -= add;
      }
    }
    return new Day(budgets, market.steadyProfit(day, budgets));
  }
}
