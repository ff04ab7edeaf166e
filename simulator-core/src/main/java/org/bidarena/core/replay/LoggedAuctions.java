package org.bidarena.core.replay;

/**
 * A run of consecutive auctions from a real bid log, columnar: row i is log line {@code firstRow + i}.
 *
 * <p>Prices are in the log's own unit (for iPinYou: fen CPM, 0..300). Arrays are never modified after
 * the batch is built; actors share them without copying.
 *
 * @param marketPrice what the real winner paid: our agent wins when its bid is at least this
 * @param clicks 1 when the impression was clicked when shown, else 0
 * @param pCtr the log's click estimate of each impression
 */
public record LoggedAuctions(long firstRow, int[] marketPrice, byte[] clicks, double[] pCtr) {

  public LoggedAuctions {
    if (clicks.length != marketPrice.length || pCtr.length != marketPrice.length) {
      throw new IllegalArgumentException("columns of different lengths");
    }
  }

  public int size() {
    return marketPrice.length;
  }
}
