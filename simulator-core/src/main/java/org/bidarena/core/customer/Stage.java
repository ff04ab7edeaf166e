package org.bidarena.core.customer;

import java.util.Locale;

/** The six lifecycle stages a customer moves through. The ordinal is the stage's code in events and batches. */
public enum Stage {
  AWARENESS,
  INTEREST,
  CONSIDERATION,
  PURCHASE,
  RETENTION,
  CHURN_RISK;

  public static final int COUNT = values().length;
  private static final Stage[] BY_CODE = values();

  public static Stage of(int code) {
    return BY_CODE[code];
  }

  public byte code() {
    return (byte) ordinal();
  }

  /** The name used in scenario files and reports: {@code churn-risk}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Stage fromKey(String key) {
    for (Stage s : BY_CODE) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown stage '" + key + "'");
  }
}
