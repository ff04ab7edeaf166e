package org.bidarena.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * One allocator over the days of one seed: each day it decides a split, the split becomes budgets in micros,
 * the optimum is computed for the same day and carry-over before the channels play, and the allocator sees
 * the outcomes. Pure and single-threaded: one seed gives the same records every time.
 */
public final class AllocationRun {
  /** Called after every day. */
  public interface Listener {
    void onDay(DayRecord record);
  }

  private AllocationRun() {}

  public static List<DayRecord> run(Allocator allocator, ChannelMarket market, Bounds bounds, Optimum optimum,
      int days, Listener listener) {
    List<DayRecord> out = new ArrayList<>(days);
    // the split in place before the run is the fixed one, so the change cap holds from the first day: an
    // allocator with history moves toward what it believes at once, but no faster than on any other day
    double[] previous = bounds.fixedSplit();
    for (int day = 0; day < days; day++) {
      Allocator.Decision d = allocator.decide(day, previous);
      long[] budgets = bounds.budgets(d.shares());
      double expected = market.steadyProfit(day, budgets);
      Optimum.Day best = optimum.of(market, day);
      Outcome[] outcomes = market.play(budgets);
      allocator.observe(day, d.shares(), outcomes);
      DayRecord r = new DayRecord(day, d.shares(), budgets, d.scores(), d.details(), outcomes, expected,
          best.budgets(), Math.max(best.expectedProfit(), expected));
      out.add(r);
      if (listener != null) {
        listener.onDay(r);
      }
      previous = d.shares();
    }
    return out;
  }
}
