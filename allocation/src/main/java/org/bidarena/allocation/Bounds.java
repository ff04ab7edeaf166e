package org.bidarena.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bidarena.core.scenario.ScenarioException;

/**
 * The rules every day's split must obey, as shares of the daily budget: each channel between its minimum
 * (and the floor) and its maximum, frozen channels at their fixed share, the shares summing to 1 (the whole
 * budget is spent), and, from the second day, no share moving by more than {@code maxDailyChange} times
 * its previous value. Impossible rules are refused when the bounds are made, in one line that names them.
 */
public final class Bounds {
  private final List<ChannelSpec> channels;
  private final long budgetMicros;
  private final double floor;
  private final double maxDailyChange;
  private final double[] lo;
  private final double[] hi;

  /**
   * @param floor the smallest share of any channel that is not frozen, 0..1/n
   * @param maxDailyChange the largest relative move of a share in a day (0.25 = 25%); infinite for none
   * @throws ScenarioException one line on the first impossible rule
   */
  public Bounds(List<ChannelSpec> channels, long budgetMicros, double floor, double maxDailyChange) {
    this.channels = List.copyOf(channels);
    this.budgetMicros = budgetMicros;
    this.floor = floor;
    this.maxDailyChange = maxDailyChange;
    int n = channels.size();
    if (n == 0) {
      throw new ScenarioException("allocation.channels: list at least one channel");
    }
    if (budgetMicros <= 0) {
      throw new ScenarioException("allocation.daily-budget must be above 0");
    }
    if (!(floor >= 0) || floor * n > 1 + 1e-12) {
      throw new ScenarioException(String.format(Locale.ROOT, "allocation.floor = %s: with %d channels the floor"
          + " can be at most 1/%d = %.4f", floor, n, n, 1.0 / n));
    }
    if (!(maxDailyChange > 0)) {
      throw new ScenarioException("allocation.max-daily-change must be above 0 (0.25 = a share moves by at most 25%"
          + " a day); leave it out for no cap, got " + maxDailyChange);
    }
    lo = new double[n];
    hi = new double[n];
    double frozenSum = 0;
    for (int i = 0; i < n; i++) {
      ChannelSpec c = channels.get(i);
      double min = c.min() == null ? 0 : c.min().shareOf(budgetMicros);
      double max = c.max() == null ? 1 : c.max().shareOf(budgetMicros);
      if (min > max + 1e-12) {
        throw new ScenarioException("allocation.channels." + c.id() + ": min " + c.min() + " is above "
            + (c.max() == null ? "the daily budget " + Amounts.money(budgetMicros) : "max " + c.max()));
      }
      if (c.frozen()) {
        double s = fixedShare(i);
        if (s < min - 1e-12 || s > max + 1e-12) {
          throw new ScenarioException(String.format(Locale.ROOT, "allocation.channels.%s is frozen at share %.4f,"
              + " outside its min %s and max %s", c.id(), s, c.min(), c.max()));
        }
        lo[i] = s;
        hi[i] = s;
        frozenSum += s;
      } else {
        lo[i] = Math.max(min, floor);
        hi[i] = max;
        if (lo[i] > hi[i] + 1e-12) {
          throw new ScenarioException(String.format(Locale.ROOT, "allocation.channels.%s: max %s is below the floor"
              + " %.4f of the budget", c.id(), c.max(), floor));
        }
      }
    }
    double sumLo = sum(lo);
    double sumHi = sum(hi);
    if (frozenSum > 1 + 1e-12) {
      throw new ScenarioException(String.format(Locale.ROOT, "allocation: the frozen channels take %.4f of the budget,"
          + " more than all of it", frozenSum));
    }
    if (sumLo > 1 + 1e-12) {
      throw new ScenarioException(String.format(Locale.ROOT, "allocation: the channels' minimums, floor and frozen"
          + " shares add up to %s (%s), above the daily budget %s; lower them or raise the budget",
          Amounts.money(Math.round(sumLo * budgetMicros)), names(lo), Amounts.money(budgetMicros)));
    }
    if (sumHi < 1 - 1e-12) {
      throw new ScenarioException(String.format(Locale.ROOT, "allocation: the channels' maximums add up to %s (%s),"
          + " below the daily budget %s, which is spent in full every day; raise them or lower the budget",
          Amounts.money(Math.round(sumHi * budgetMicros)), names(hi), Amounts.money(budgetMicros)));
    }
  }

  private String names(double[] shares) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      parts.add(channels.get(i).id() + " " + Amounts.money(Math.round(shares[i] * budgetMicros)));
    }
    return String.join(", ", parts);
  }

  private static double sum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s;
  }

  public int size() {
    return channels.size();
  }

  public List<ChannelSpec> channels() {
    return channels;
  }

  public long budgetMicros() {
    return budgetMicros;
  }

  public double floor() {
    return floor;
  }

  public double maxDailyChange() {
    return maxDailyChange;
  }

  /** The smallest share channel i may get on any day. */
  public double lo(int i) {
    return lo[i];
  }

  /** The largest share channel i may get on any day. */
  public double hi(int i) {
    return hi[i];
  }

  /** The fixed allocator's share of channel i: its own {@code share}, or an even split of what the others leave. */
  public double fixedShare(int i) {
    ChannelSpec c = channels.get(i);
    if (!Double.isNaN(c.fixedShare())) {
      return c.fixedShare();
    }
    double given = 0;
    int open = 0;
    for (ChannelSpec o : channels) {
      if (Double.isNaN(o.fixedShare())) {
        open++;
      } else {
        given += o.fixedShare();
      }
    }
    return Math.max(0, 1 - given) / open;
  }

  /** The fixed split, projected onto the bounds (it is the starting point of every allocator). */
  public double[] fixedSplit() {
    double[] w = new double[size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = fixedShare(i);
    }
    return project(w, null);
  }

  /**
   * The additive floor of a weight vector: p_i = f + (1 - n f) w_i for weights w summing to 1. Every share gets
   * the floor and the rest is split by the weights, so the floor does not distort their ratios.
   */
  public double[] withAdditiveFloor(double[] w) {
    int n = w.length;
    double total = sum(w);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = floor + (1 - n * floor) * (total > 0 ? w[i] / total : 1.0 / n);
    }
    return p;
  }

  /**
   * How far a share may move from {@code previous} in a day: relative to it, but at least the cap times the floor
   * (or 1% of the budget), so that a share near 0 can grow back.
   */
  double allowedMove(double previous) {
    return maxDailyChange * Math.max(previous, Math.max(floor, 0.01));
  }

  /**
   * The split nearest to {@code desired} (shares, any sum) that obeys the bounds: p_i = clamp(desired_i + t)
   * into today's range, with t found by bisection so that the shares sum to 1. This is the Euclidean projection
   * onto the allowed set. {@code previous} null: no change cap (the run passes the fixed split on day 0).
   */
  public double[] project(double[] desired, double[] previous) {
    int n = size();
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = lo[i];
      b[i] = hi[i];
      if (previous != null && !channels.get(i).frozen() && Double.isFinite(maxDailyChange)) {
        double move = allowedMove(previous[i]);
        a[i] = Math.max(a[i], previous[i] - move);
        b[i] = Math.min(b[i], previous[i] + move);
      }
      if (a[i] > b[i]) {
        // only rounding can get here (the previous split obeyed the static bounds); stay put
        a[i] = b[i] = Math.min(Math.max(previous == null ? a[i] : previous[i], lo[i]), hi[i]);
      }
    }
    double low = -2;
    double high = 2;
    for (double d : desired) {
      low = Math.min(low, -2 - Math.abs(d));
      high = Math.max(high, 2 + Math.abs(d));
    }
    for (int iter = 0; iter < 200; iter++) {
      double mid = (low + high) / 2;
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += clamp(desired[i] + mid, a[i], b[i]);
      }
      if (s < 1) {
        low = mid;
      } else {
        high = mid;
      }
    }
    double[] p = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      p[i] = clamp(desired[i] + high, a[i], b[i]);
      s += p[i];
    }
    // the last ulps of the sum go to the first channel with room for them
    double excess = s - 1;
    for (int i = 0; i < n && excess != 0; i++) {
      double target = clamp(p[i] - excess, a[i], b[i]);
      excess -= p[i] - target;
      p[i] = target;
    }
    return p;
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  /**
   * The budgets in micros of a split: each floor(share x budget), and the micros left over to the largest
   * remainders (ties to the lower index), so they sum to the budget exactly.
   */
  public long[] budgets(double[] shares) {
    int n = shares.length;
    long[] out = new long[n];
    double[] frac = new double[n];
    long used = 0;
    for (int i = 0; i < n; i++) {
      double exact = shares[i] * budgetMicros;
      out[i] = (long) Math.floor(exact);
      frac[i] = exact - out[i];
      used += out[i];
    }
    long left = budgetMicros - used;
    while (left > 0) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (frac[i] > frac[best]) {
          best = i;
        }
      }
      out[best]++;
      frac[best] = -1;
      left--;
      if (left > 0 && frac[best] == -1 && allTaken(frac)) {
        java.util.Arrays.fill(frac, 0);
      }
    }
    while (left < 0) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (out[i] > out[best]) {
          best = i;
        }
      }
      out[best]--;
      left++;
    }
    return out;
  }

  private static boolean allTaken(double[] frac) {
    for (double f : frac) {
      if (f != -1) {
        return false;
      }
    }
    return true;
  }
}
