package org.bidarena.agents.campaign;

/**
 * Each creative's impressions and clicks per simulated hour over the last few hours, for the creative
 * agent's wear-out rule. An hour is ticks-per-day / 24 ticks (at least one tick).
 */
final class CreativeHours {
  private final int hourTicks;
  private final int window;
  /** [creative][hour mod (window + 1)]: the hour under way and the {@code window} complete ones before it. */
  private final long[][] impressions;
  private final long[][] clicks;
  private final long[] hourOfSlot;

  CreativeHours(int creatives, int ticksPerDay, int windowHours) {
    this.hourTicks = Math.max(1, ticksPerDay / 24);
    this.window = windowHours;
    impressions = new long[creatives][windowHours + 1];
    clicks = new long[creatives][windowHours + 1];
    hourOfSlot = new long[windowHours + 1];
    java.util.Arrays.fill(hourOfSlot, -1);
  }

  private int slot(long tick) {
    long hour = tick / hourTicks;
    int s = (int) (hour % (window + 1));
    if (hourOfSlot[s] != hour) {
      hourOfSlot[s] = hour;
      for (int c = 0; c < impressions.length; c++) {
        impressions[c][s] = 0;
        clicks[c][s] = 0;
      }
    }
    return s;
  }

  void impression(long tick, int creative) {
    impressions[creative][slot(tick)]++;
  }

  void click(long tick, int creative) {
    clicks[creative][slot(tick)]++;
  }

  /**
   * The creative's CTR in each of the last {@code window} complete hours before the hour of {@code tick + 1},
   * oldest first; null until there are that many hours, when an hour had no impression, or when the window
   * holds fewer than {@code minClicks} clicks.
   */
  double[] hourlyCtr(long tick, int creative, long minClicks) {
    long current = (tick + 1) / hourTicks;
    if (current < window) {
      return null;
    }
    long clicksInWindow = 0;
    double[] ctr = new double[window];
    for (int k = 0; k < window; k++) {
      long hour = current - window + k;
      int s = (int) (hour % (window + 1));
      if (hourOfSlot[s] != hour || impressions[creative][s] == 0) {
        return null;
      }
      ctr[k] = clicks[creative][s] / (double) impressions[creative][s];
      clicksInWindow += clicks[creative][s];
    }
    return clicksInWindow < minClicks ? null : ctr;
  }

  /** Forgets a creative's hours, so that after a rotation it is judged on fresh evidence. */
  void reset(int creative) {
    java.util.Arrays.fill(impressions[creative], 0);
    java.util.Arrays.fill(clicks[creative], 0);
  }

  void write(StateBuffer out) {
    for (int c = 0; c < impressions.length; c++) {
      out.longs(impressions[c]).longs(clicks[c]);
    }
    out.longs(hourOfSlot);
  }

  void read(StateBuffer in) {
    write(in);
  }
}
