package org.bidarena.allocation;

import java.util.Locale;

/** A per-channel spend limit, given as money (micros) or as a share of the daily budget. */
public record Limit(long micros, double share, boolean isShare) {
  public static Limit money(long micros) {
    return new Limit(micros, Double.NaN, false);
  }

  public static Limit share(double share) {
    return new Limit(0, share, true);
  }

  /** The limit as a share of {@code budgetMicros}. */
  public double shareOf(long budgetMicros) {
    return isShare ? share : (double) micros / budgetMicros;
  }

  @Override
  public String toString() {
    return isShare ? String.format(Locale.ROOT, "%.4g of the budget", share) : Amounts.money(micros);
  }
}
