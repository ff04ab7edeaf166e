package org.bidarena.analysis.metrics;

import java.util.Locale;
import java.util.OptionalLong;
import org.bidarena.core.scenario.ReportingSpec;

/** Ratios that are undefined (NaN, or empty) when their denominator is zero, and how each is written. */
public final class Ratios {
  public static final String NA = "n/a";

  private Ratios() {}

  public static double of(long numerator, long denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }

  /** Micros per unit, rounded down; empty for no units. */
  public static OptionalLong perUnit(long micros, long units) {
    return units == 0 ? OptionalLong.empty() : OptionalLong.of(Math.floorDiv(micros, units));
  }

  /** {@code micros} x margin, rounded down. */
  public static long margin(long micros, long marginPpm) {
    return new ReportingSpec(marginPpm).marginOf(micros);
  }

  /** A ratio in JSON: 6 decimals, so that the file is the same wherever it is written; null when undefined. */
  public static String json(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.6f", v);
  }

  public static String json(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "null";
  }

  /** A ratio for a table: the format, or n/a. */
  public static String text(String format, double v) {
    return Double.isNaN(v) ? NA : String.format(Locale.ROOT, format, v);
  }

  /** Micros as currency units with 2 decimals, or n/a. */
  public static String money(OptionalLong micros) {
    return micros.isPresent() ? RunSummary.money(micros.getAsLong()) : NA;
  }

  /** Micros per impression as a CPM, or n/a. */
  public static String cpm(OptionalLong microsPerImpression) {
    return microsPerImpression.isPresent() ? RunSummary.cpm(microsPerImpression.getAsLong()) : NA;
  }
}
