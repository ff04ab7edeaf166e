package org.bidarena.core.scenario;

/** How an agent spreads its daily budget over the ticks of a day. */
public enum Pacing {
  /** Each tick may spend the budget left divided by the ticks left in the day. */
  EVEN("even"),
  /** Each tick may spend all the budget left. */
  ASAP("asap");

  private final String key;

  Pacing(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
