package org.bidarena.analysis.metrics;

import java.util.OptionalLong;

/**
 * One agent's totals over a run, and the figures derived from them. Money in micros. A ratio whose
 * denominator is zero is undefined: {@code NaN} here, {@code null} in summary.json, "n/a" in tables.
 *
 * <p>Conversions and revenue are attributed by the last click (the agent whose ad the customer last clicked
 * within the attribution window); incremental ones are the purchases whose sampled cause is the agent's
 * touch (the simulation's ground truth). Both these and the new-customer split exist only when {@code causal}
 * is true: a journal from before Model 2.0 records neither, and its figures are n/a, never 0.
 *
 * @param newCustomers attributed conversions that were the customer's first purchase (not a customer before the run)
 * @param acquiredRevenueMicros revenue, over the rest of the run, of the customers this agent acquired
 *     (whose first purchase was attributed to it), whoever is credited for their later purchases
 * @param causal true when the journal carries each purchase's sampled cause and new-customer flag
 * @param marginPpm the scenario's margin (reporting.margin) in parts per million
 */
public record AgentMetrics(
    String id,
    String strategy,
    long dailyBudgetMicros,
    long auctions,
    long bids,
    long bidSumMicros,
    long impressions,
    long clicks,
    long conversions,
    long spendMicros,
    long revenueMicros,
    long maxDailySpendMicros,
    long newCustomers,
    long acquiredRevenueMicros,
    long incrementalConversions,
    long incrementalRevenueMicros,
    boolean causal,
    long marginPpm) {

  /** Attributed conversions by customers who had bought before; empty without the new-customer flag. */
  public OptionalLong repeatConversions() {
    return causal ? OptionalLong.of(conversions - newCustomers) : OptionalLong.empty();
  }

  /** New customers, as {@link #newCustomers()}; empty without the new-customer flag. */
  public OptionalLong newCustomerCount() {
    return causal ? OptionalLong.of(newCustomers) : OptionalLong.empty();
  }

  /** Attributed revenue x margin - spend. */
  public long profitMicros() {
    return Ratios.margin(revenueMicros, marginPpm) - spendMicros;
  }

  /** Incremental revenue x margin - spend: what the ads really earned; empty without ground truth. */
  public OptionalLong incrementalProfitMicros() {
    return causal ? OptionalLong.of(Ratios.margin(incrementalRevenueMicros, marginPpm) - spendMicros)
        : OptionalLong.empty();
  }

  /** Attributed revenue / spend. */
  public double roas() {
    return Ratios.of(revenueMicros, spendMicros);
  }

  /** Incremental revenue / spend. */
  public double incrementalRoas() {
    return causal ? Ratios.of(incrementalRevenueMicros, spendMicros) : Double.NaN;
  }

  /** Clicks / impressions. */
  public double ctr() {
    return Ratios.of(clicks, impressions);
  }

  /** Attributed conversions / impressions. */
  public double cvrPerImpression() {
    return Ratios.of(conversions, impressions);
  }

  /** Attributed conversions / clicks. */
  public double cvrPerClick() {
    return Ratios.of(conversions, clicks);
  }

  /** Customer acquisition cost: spend / new customers; empty without any. */
  public OptionalLong cacMicros() {
    return causal ? Ratios.perUnit(spendMicros, newCustomers) : OptionalLong.empty();
  }

  /** Average lifetime value of the customers acquired: their revenue in the run / their number. */
  public OptionalLong ltvMicros() {
    return causal ? Ratios.perUnit(acquiredRevenueMicros, newCustomers) : OptionalLong.empty();
  }

  /** Impressions won per accepted bid. */
  public double winRate() {
    return Ratios.of(impressions, bids);
  }

  public OptionalLong avgBidMicros() {
    return Ratios.perUnit(bidSumMicros, bids);
  }

  public OptionalLong avgClearingPriceMicros() {
    return Ratios.perUnit(spendMicros, impressions);
  }
}
