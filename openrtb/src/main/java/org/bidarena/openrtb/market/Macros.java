package org.bidarena.openrtb.market;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Fills OpenRTB 2.6 substitution macros (section 4.4) in notice URLs and markup. Values are URL-encoded,
 * since most land in query strings; an unknown macro is left as it is, as the specification allows.
 */
public final class Macros {
  /** Loss reason 102: lost to a higher bid (section 5.25). */
  public static final int LOST_TO_HIGHER_BID = 102;
  /** Loss reason 100: bid was below the auction floor. */
  public static final int BELOW_FLOOR = 100;
  /** Loss reason 0: the bid won. */
  public static final int WON = 0;

  private Macros() {}

  /**
   * @param priceMicros the clearing price in micros per impression, or -1 to leave AUCTION_PRICE empty (losses)
   * @param loss a loss reason code (section 5.25), 0 on a win
   */
  public record Values(String auctionId, String impId, String bidId, String seatId, String adId, String currency,
      long priceMicros, int loss) {}

  public static String fill(String template, Values v) {
    if (template == null || template.indexOf("${AUCTION_") < 0) {
      return template;
    }
    return template
        .replace("${AUCTION_PRICE}", v.priceMicros() < 0 ? "" : cpm(v.priceMicros()))
        .replace("${AUCTION_ID}", enc(v.auctionId()))
        .replace("${AUCTION_IMP_ID}", enc(v.impId()))
        .replace("${AUCTION_BID_ID}", enc(v.bidId()))
        .replace("${AUCTION_SEAT_ID}", enc(v.seatId()))
        .replace("${AUCTION_AD_ID}", enc(v.adId()))
        .replace("${AUCTION_CURRENCY}", enc(v.currency()))
        .replace("${AUCTION_LOSS}", Integer.toString(v.loss()));
  }

  /** Micros per impression as a CPM in currency units: 2,750 micros is "2.75". */
  public static String cpm(long microsPerImpression) {
    BigDecimal cpm = BigDecimal.valueOf(microsPerImpression, 3).stripTrailingZeros();
    return cpm.scale() < 0 ? cpm.setScale(0).toPlainString() : cpm.toPlainString();
  }

  private static String enc(String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
