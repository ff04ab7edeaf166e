package org.bidarena.agents.campaign;

/**
 * What a cell has done over a window: the monitor's counts and money in micro-units. Viewability and
 * completion are rates in [0, 1] as the market model reports them for the cell's platform and creative.
 */
public record CellPerformance(int cell, long impressions, long clicks, long conversions, long spendMicros,
    long revenueMicros, double viewability, double completionRate) {

  public CellPerformance {
    if (impressions < 0 || clicks < 0 || conversions < 0 || spendMicros < 0 || revenueMicros < 0) {
      throw new IllegalArgumentException("cell " + cell + ": counts and money cannot be negative");
    }
  }

  /** Clicks per impression; 0 before the first impression. */
  public double ctr() {
    return impressions == 0 ? 0 : clicks / (double) impressions;
  }

  /** Revenue per unit of spend; 0 before the first spend. */
  public double roas() {
    return spendMicros == 0 ? 0 : revenueMicros / (double) spendMicros;
  }

  /** Revenue less spend, in micro-units. */
  public long profitMicros() {
    return revenueMicros - spendMicros;
  }
}
