package org.bidarena.core.scenario;

/** How the winner of an auction pays. */
public enum AuctionType {
  /** The winner pays max(second-highest eligible bid, reserve). */
  SECOND_PRICE("second-price"),
  /** The winner pays its own bid. */
  FIRST_PRICE("first-price");

  private final String key;

  AuctionType(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
