package org.bidarena.allocation;

import java.util.Locale;

/**
 * Splits the budget in proportion to each channel's trailing ROAS (revenue / spend over the last
 * {@code window} days, history included), within the bounds; the fixed split until a channel has data.
 * A common rule of thumb: it follows average returns, which over-feeds a channel past its saturation point.
 */
public final class ProportionalAllocator implements Allocator {
  private final Bounds bounds;
  private final int window;
  private final long orderValueMicros;
  private final long[][] spend;
  private final long[][] revenue;
  private int seen;

  /** @param orderValueMicros what a past conversion of the history was worth (it records no revenue) */
  public ProportionalAllocator(Bounds bounds, int window, long orderValueMicros) {
    this.bounds = bounds;
    this.window = window;
    this.orderValueMicros = orderValueMicros;
    this.spend = new long[bounds.size()][window];
    this.revenue = new long[bounds.size()][window];
  }

  @Override
  public String name() {
    return "proportional";
  }

  @Override
  public void prior(History history) {
    for (History.Day d : history.lastDays(window)) {
      record(d.spentMicros(), d.conversions());
    }
  }

  private void record(long[] spent, long[] conversions) {
    int slot = seen++ % window;
    for (int i = 0; i < spent.length; i++) {
      spend[i][slot] = spent[i];
      revenue[i][slot] = conversions[i] * orderValueMicros;
    }
  }

  @Override
  public Decision decide(int day, double[] previous) {
    int n = bounds.size();
    double[] roas = new double[n];
    String[] details = new String[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      long s = 0;
      long r = 0;
      for (int k = 0; k < window; k++) {
        s += spend[i][k];
        r += revenue[i][k];
      }
      roas[i] = s > 0 ? (double) r / s : 0;
      any |= s > 0;
      details[i] = String.format(Locale.ROOT, "trailing ROAS %.3f", roas[i]);
    }
    double[] desired = any ? normalised(roas) : bounds.fixedSplit();
    return new Decision(bounds.project(desired, previous), roas, details);
  }

  private static double[] normalised(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = s > 0 ? x[i] / s : 1.0 / x.length;
    }
    return out;
  }

  @Override
  public void observe(int day, double[] shares, Outcome[] outcomes) {
    int slot = seen++ % window;
    for (int i = 0; i < outcomes.length; i++) {
      spend[i][slot] = outcomes[i].spendMicros();
      revenue[i][slot] = outcomes[i].revenueMicros();
    }
  }
}
