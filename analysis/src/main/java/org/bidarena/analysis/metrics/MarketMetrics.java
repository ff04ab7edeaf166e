package org.bidarena.analysis.metrics;

/**
 * The market's figures over all customers: every purchase (attributed to an agent or not), the organic ones
 * (whose sampled cause is no ad), and the impressions shown to customers already fatigued by the agent. Money in
 * micros.
 *
 * @param causal true when the journal carries each purchase's sampled cause
 * @param fatigueCounted true when the journal counts fatigued impressions
 */
public record MarketMetrics(
    long purchases,
    long purchaseRevenueMicros,
    long organicPurchases,
    long organicRevenueMicros,
    boolean causal,
    long impressions,
    long fatiguedImpressions,
    boolean fatigueCounted) {

  /** Organic purchases / all purchases. */
  public double organicShare() {
    return causal ? Ratios.of(organicPurchases, purchases) : Double.NaN;
  }

  /** Impressions shown to a customer fatigued by the agent / all impressions. */
  public double fatigueShare() {
    return fatigueCounted ? Ratios.of(fatiguedImpressions, impressions) : Double.NaN;
  }
}
