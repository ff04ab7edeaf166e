package org.bidarena.openrtb.market;

/** Why an external bidder's answer counts as no bid. Each has a counter in summary.json. */
public enum NoBidReason {
  /** 204, an empty seatbid, an nbr, or no bid for our impression: the bidder chose not to bid. */
  DECLINED("declined"),
  /** No answer within tmax. */
  TIMEOUT("timeout"),
  /** A status other than 200 or 204. */
  HTTP_STATUS("http-status"),
  /** The connection failed. */
  TRANSPORT("transport"),
  /** A body that is not a valid 2.6 BidResponse, or one for another request or currency. */
  MALFORMED("malformed"),
  /** A price under the floor. */
  BELOW_FLOOR("below-floor");

  private final String key;

  NoBidReason(String key) {
    this.key = key;
  }

  /** The counter's name in summary.json. */
  public String key() {
    return key;
  }
}
