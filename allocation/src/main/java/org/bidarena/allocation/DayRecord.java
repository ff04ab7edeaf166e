package org.bidarena.allocation;

/**
 * One allocator's day: its split and the scores behind it, what each channel returned, and the ground truth:
 * the long-run expected profit a day of its split ({@link ChannelMarket#steadyProfit}), the optimum's split and
 * expected profit on the same day, and the regret (the optimum's expected profit minus its own; micros). The
 * optimum is the better of the grid optimum and the allocator's own split, so regret is never negative.
 */
public record DayRecord(int day, double[] shares, long[] budgets, double[] scores, String[] details,
    Outcome[] outcomes, double expectedProfit, long[] optimalBudgets, double optimalProfit) {

  public double regret() {
    return optimalProfit - expectedProfit;
  }

  public long spend() {
    long s = 0;
    for (Outcome o : outcomes) {
      s += o.spendMicros();
    }
    return s;
  }

  public long revenue() {
    long r = 0;
    for (Outcome o : outcomes) {
      r += o.revenueMicros();
    }
    return r;
  }

  public long conversions() {
    long c = 0;
    for (Outcome o : outcomes) {
      c += o.conversions();
    }
    return c;
  }

  /** The realised profit: revenue x margin - spend. */
  public double profit(double margin) {
    return revenue() * margin - spend();
  }
}
