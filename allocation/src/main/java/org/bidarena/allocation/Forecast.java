package org.bidarena.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan for the next days: what an allocator, as it stands after a run, would split on each of them without
 * new outcomes (it decides from what it knows and sees nothing more), each planned split valued against the
 * truth as in the run (long-run value, the day's optimum, regret). Thompson re-samples its unchanged posterior
 * each day; the change cap applies from the run's last split.
 */
public final class Forecast {
  /** One planned day. */
  public record Day(int day, double[] shares, long[] budgets, double value, long[] optimalBudgets, double optimalValue) {
    public double regret() {
      return optimalValue - value;
    }
  }

  private Forecast() {}

  public static List<Day> plan(SeedResult after, Bounds bounds, Optimum optimum, int days) {
    List<Day> out = new ArrayList<>(days);
    List<DayRecord> past = after.days();
    double[] previous = past.isEmpty() ? bounds.fixedSplit() : past.get(past.size() - 1).shares();
    int from = past.size();
    for (int day = from; day < from + days; day++) {
      double[] shares = after.state().decide(day, previous).shares();
      long[] budgets = bounds.budgets(shares);
      double value = after.market().steadyProfit(day, budgets);
      Optimum.Day best = optimum.of(after.market(), day);
      out.add(new Day(day, shares, budgets, value, best.budgets(), Math.max(value, best.expectedProfit())));
      previous = shares;
    }
    return out;
  }
}
