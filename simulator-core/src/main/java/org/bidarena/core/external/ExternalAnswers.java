package org.bidarena.core.external;

/**
 * What an external bidder answered about one partition's auctions in one tick: a bid or a no-bid reason per
 * row asked. Journaled before the bids it gives reach the exchange, so a replay or a resume reads it back
 * instead of asking again.
 *
 * @param rows the rows asked, ascending
 * @param bidMicros per row asked, the bid in micros per impression, 0 for no bid
 * @param reasons per row asked, the no-bid reason's key (see the openrtb module's NoBidReason), "" for a bid
 */
public record ExternalAnswers(long tick, int partition, int[] rows, long[] bidMicros, String[] reasons) {
  public ExternalAnswers {
    if (rows.length != bidMicros.length || rows.length != reasons.length) {
      throw new IllegalArgumentException("rows, bids and reasons differ in length: " + rows.length + ", "
          + bidMicros.length + ", " + reasons.length);
    }
  }

  /** The bid for auction row {@code row}, 0 when it was not asked or not bid on. */
  public long bidFor(int row) {
    int i = java.util.Arrays.binarySearch(rows, row);
    return i < 0 ? 0 : bidMicros[i];
  }
}
