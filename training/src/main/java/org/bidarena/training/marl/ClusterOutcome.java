package org.bidarena.training.marl;

/**
 * What one evaluation run of the cluster agents gave, in micros: per advertiser cluster its attributed
 * revenue and spend; the exchange's revenue (what winners paid) and the impressions it sold. Profit =
 * revenue x margin - spend; the platform's welfare = the advertisers' profit + the exchange's revenue =
 * revenue x margin (payments are transfers between them).
 */
public record ClusterOutcome(long seed, long[] revenueMicros, long[] spendMicros, long exchangeRevenueMicros,
    long impressionsSold, long auctions, double marginShare, double meanReserveMicros) {

  public int clusters() {
    return revenueMicros.length;
  }

  public double revenue(int k) {
    return revenueMicros[k] / 1e6;
  }

  public double cost(int k) {
    return spendMicros[k] / 1e6;
  }

  public double profit(int k) {
    return revenue(k) * marginShare - cost(k);
  }

  /** Revenue per unit spent (the paper's ROI); NaN without spend. */
  public double roi(int k) {
    return spendMicros[k] == 0 ? Double.NaN : (double) revenueMicros[k] / spendMicros[k];
  }

  public double totalRevenue() {
    double s = 0;
    for (int k = 0; k < clusters(); k++) {
      s += revenue(k);
    }
    return s;
  }

  public double totalCost() {
    double s = 0;
    for (int k = 0; k < clusters(); k++) {
      s += cost(k);
    }
    return s;
  }

  public double totalProfit() {
    return totalRevenue() * marginShare - totalCost();
  }

  public double totalRoi() {
    return totalCost() == 0 ? Double.NaN : totalRevenue() / totalCost();
  }

  public double exchangeRevenue() {
    return exchangeRevenueMicros / 1e6;
  }

  public double welfare() {
    return totalProfit() + exchangeRevenue();
  }

  /** Mean clearing price per impression, as CPM. */
  public double meanPriceCpm() {
    return impressionsSold == 0 ? 0 : exchangeRevenueMicros / (double) impressionsSold / 1000.0;
  }
}
