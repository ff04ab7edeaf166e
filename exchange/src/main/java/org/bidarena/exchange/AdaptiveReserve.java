package org.bidarena.exchange;

/**
 * An exchange-side counter to bidders who learn to bid low together (the collusion MAAB warns of): a reserve
 * price that rises when the mean clearing price of the last period falls below a reference, and eases back
 * when it is above. The step is multiplicative, reserve x exp(gain x (reference - price) / reference), and
 * the reserve stays within [min, max]. A period with no sale counts as a price of 0, so a reserve that prices
 * everyone out falls again only when sales return; it is bounded by {@code max} meanwhile. Plain integer
 * micros in, integer micros out: deterministic.
 */
public final class AdaptiveReserve {
  private final long minMicros;
  private final long maxMicros;
  private final double referenceMicros;
  private final double gain;
  private long reserveMicros;

  /**
   * @param referenceMicros the clearing price per impression the exchange expects from competitive bidding
   * @param gain how far one period moves the reserve, in log units per relative price gap
   */
  public AdaptiveReserve(long startMicros, long minMicros, long maxMicros, double referenceMicros, double gain) {
    if (minMicros < 0 || maxMicros < minMicros || startMicros < minMicros || startMicros > maxMicros
        || referenceMicros <= 0 || gain < 0) {
      throw new IllegalArgumentException("adaptive reserve needs 0 <= min <= start <= max, reference > 0 and gain >= 0");
    }
    this.minMicros = minMicros;
    this.maxMicros = maxMicros;
    this.referenceMicros = referenceMicros;
    this.gain = gain;
    this.reserveMicros = startMicros;
  }

  public long reserveMicros() {
    return reserveMicros;
  }

  /** Takes a period's sales (what winners paid, and how many impressions) and sets the next reserve. */
  public long observe(long paidMicros, long impressions) {
    double price = impressions > 0 ? (double) paidMicros / impressions : 0;
    double next = Math.max(1, reserveMicros) * StrictMath.exp(gain * (referenceMicros - price) / referenceMicros);
    reserveMicros = Math.max(minMicros, Math.min(maxMicros, Math.round(next)));
    return reserveMicros;
  }
}
