package org.bidarena.core.scenario;

import java.util.Objects;

/**
 * One setting a strategy declares: its key in an agent block, its type and allowed range, its default and
 * its unit. The scenario loader validates an agent's value against it and stores the typed result in
 * {@link StrategySettings}: a {@code Double} for a number, a {@code Long} for an integer, a {@code Long} of
 * micros per impression for a CPM.
 *
 * @param min the least allowed value; for {@link Type#POSITIVE} the bound is exclusive (0)
 * @param defaultValue the value when neither the agent nor {@code agent-defaults} gives one; null when
 *     {@code defaultKey} supplies it instead, or when the setting is required
 * @param defaultKey a scenario key, such as {@code bidding.base-cpm}, whose value is the default; or null
 * @param unit what a value is measured in, for documentation
 * @param meaning one line on what the setting does
 */
public record Setting(
    String key, Type type, double min, double max, Number defaultValue, String defaultKey, String unit, String meaning) {

  /** How a value is written and read. */
  public enum Type {
    /** A decimal number in [min, max]. */
    NUMBER,
    /** A decimal number above 0 and at most max. */
    POSITIVE,
    /** A whole number in [min, max]. */
    INTEGER,
    /** A price per thousand impressions with at most 3 decimals, from 0 to max; stored in micros per impression. */
    CPM,
    /** A quoted text of at most max characters, such as a file path; required unless it has a default. */
    TEXT
  }

  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    if (!key.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("setting key must be lower-case words joined by '-', got '" + key + "'");
    }
    if (defaultValue != null && defaultKey != null) {
      throw new IllegalArgumentException("setting " + key + " has both a default value and a default key");
    }
  }

  /** A decimal number in [min, max]. */
  public static Setting number(String key, double min, double max, double defaultValue, String unit, String meaning) {
    return new Setting(key, Type.NUMBER, min, max, defaultValue, null, unit, meaning);
  }

  /** A decimal number above 0 and at most max. */
  public static Setting positive(String key, double max, double defaultValue, String unit, String meaning) {
    return new Setting(key, Type.POSITIVE, 0, max, defaultValue, null, unit, meaning);
  }

  /** A whole number in [min, max]. */
  public static Setting integer(String key, long min, long max, long defaultValue, String unit, String meaning) {
    return new Setting(key, Type.INTEGER, min, max, defaultValue, null, unit, meaning);
  }

  /** A text of 1 to maxLength characters with no default: the agent must give it. */
  public static Setting text(String key, int maxLength, String unit, String meaning) {
    return new Setting(key, Type.TEXT, 1, maxLength, null, null, unit, meaning);
  }

  /** A CPM from 0 to max whose default is the value of another scenario key, e.g. {@code bidding.base-cpm}. */
  public static Setting cpm(String key, double max, String defaultKey, String meaning) {
    return new Setting(key, Type.CPM, 0, max, null, defaultKey, "CPM", meaning);
  }
}
