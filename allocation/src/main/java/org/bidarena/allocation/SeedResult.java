package org.bidarena.allocation;

import java.util.List;

/**
 * One allocator on one seed: its days, the market they left behind (for insights on the day after) and the
 * allocator as it stands after the last day (for a forecast).
 */
public record SeedResult(String allocator, long seed, List<DayRecord> days, ChannelMarket market, Allocator state) {
  public double profit(double margin) {
    return days.stream().mapToDouble(d -> d.profit(margin)).sum();
  }

  public double regret() {
    return days.stream().mapToDouble(DayRecord::regret).sum();
  }

  /** Regret over the first {@code k} days. */
  public double regret(int k) {
    return days.stream().limit(k).mapToDouble(DayRecord::regret).sum();
  }

  public long spend() {
    return days.stream().mapToLong(DayRecord::spend).sum();
  }

  public long revenue() {
    return days.stream().mapToLong(DayRecord::revenue).sum();
  }

  public long conversions() {
    return days.stream().mapToLong(DayRecord::conversions).sum();
  }

  public double roas() {
    long s = spend();
    return s > 0 ? (double) revenue() / s : 0;
  }
}
