package org.bidarena.analysis.metrics;

/** One agent's totals over a run, and the ratios derived from them. Money in micros. */
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
    long maxDailySpendMicros) {

  public double roas() {
    return spendMicros == 0 ? 0 : (double) revenueMicros / spendMicros;
  }

  public double ctr() {
    return impressions == 0 ? 0 : (double) clicks / impressions;
  }

  public double conversionRate() {
    return clicks == 0 ? 0 : (double) conversions / clicks;
  }

  /** Customer acquisition cost: spend per conversion (0 without conversions). */
  public long cacMicros() {
    return conversions == 0 ? 0 : spendMicros / conversions;
  }

  /** Impressions won per accepted bid. */
  public double winRate() {
    return bids == 0 ? 0 : (double) impressions / bids;
  }

  public long avgBidMicros() {
    return bids == 0 ? 0 : bidSumMicros / bids;
  }

  public long avgClearingPriceMicros() {
    return impressions == 0 ? 0 : spendMicros / impressions;
  }
}
