package org.bidarena.core.scenario;

/**
 * How a run's figures are reported; nothing here changes the simulation or its journal.
 *
 * @param marginPpm the advertisers' gross margin on revenue, in parts per million (300_000 = 30%):
 *     profit = revenue x margin - spend
 */
public record ReportingSpec(long marginPpm) {
  public static final long PPM = 1_000_000L;
  /** The margin when a scenario does not say: 30%, a middle-of-the-road gross margin for online retail. */
  public static final ReportingSpec DEFAULT = new ReportingSpec(300_000L);

  public ReportingSpec {
    if (marginPpm < 0 || marginPpm > PPM) {
      throw new IllegalArgumentException("margin must be 0..1000000 ppm, not " + marginPpm);
    }
  }

  /** The margin as a fraction, 0..1. */
  public double margin() {
    return marginPpm / (double) PPM;
  }

  /** {@code micros} x margin, rounded down, exact for every long (no overflow: the margin is at most 1). */
  public long marginOf(long micros) {
    return Math.floorDiv(micros, PPM) * marginPpm + Math.floorMod(micros, PPM) * marginPpm / PPM;
  }
}
