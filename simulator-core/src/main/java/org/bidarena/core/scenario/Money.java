package org.bidarena.core.scenario;

import java.math.BigDecimal;

/**
 * Money as whole micro-units (1 currency unit = 1,000,000 micros), converted from decimal text without
 * rounding so that a scenario means exactly what its file says.
 */
public final class Money {
  public static final long MICROS_PER_UNIT = 1_000_000L;

  private Money() {}

  /** Parses a currency amount such as {@code 12.34}; rejects more than 6 decimal places. */
  public static long parseMicros(String amount) {
    return exact(amount, 6);
  }

  /**
   * Converts a CPM (a price per thousand impressions) to micros per impression: 2.00 CPM is 2000 micros.
   * Rejects more than 3 decimal places, which would be a fraction of a micro.
   */
  public static long cpmToMicrosPerImpression(String cpm) {
    return exact(cpm, 3);
  }

  /**
   * A customer's lifetime value after one more order. The scenario's bounds keep it below
   * {@code ScenarioValidator.MAX_LIFETIME_VALUE_MICROS} (the longest run, an order every tick, each the largest
   * allowed), so this never throws for a validated scenario; if a change ever broke that, the run stops with
   * the bound named instead of carrying a wrapped sum.
   */
  public static long addToLifetimeValue(long lifetimeMicros, long orderMicros) {
    long sum = lifetimeMicros + orderMicros;
    if (orderMicros < 0 || sum < lifetimeMicros || sum > ScenarioValidator.MAX_LIFETIME_VALUE_MICROS) {
      throw new ArithmeticException("a customer's lifetime value " + format(lifetimeMicros) + " plus an order of "
          + format(orderMicros) + " passes the bound " + format(ScenarioValidator.MAX_LIFETIME_VALUE_MICROS)
          + " (" + ScenarioValidator.MAX_TICKS + " ticks, an order of at most "
          + format(ScenarioValidator.MAX_ORDER_MICROS) + " each)");
    }
    return sum;
  }

  /** Plain text with 6 decimals: 12345600 becomes {@code 12.345600}. */
  public static String format(long micros) {
    return BigDecimal.valueOf(micros, 6).toPlainString();
  }

  /** The CPM text of a per-impression price: 2000 micros becomes {@code 2.000}. */
  public static String formatCpm(long microsPerImpression) {
    return BigDecimal.valueOf(microsPerImpression, 3).toPlainString();
  }

  private static long exact(String text, int maxDecimals) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a decimal number");
    }
    if (value.stripTrailingZeros().scale() > maxDecimals) {
      throw new IllegalArgumentException("'" + text + "' has more than " + maxDecimals + " decimal places");
    }
    try {
      return value.movePointRight(maxDecimals).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
  }
}
