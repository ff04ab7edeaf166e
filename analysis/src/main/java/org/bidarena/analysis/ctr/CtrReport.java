package org.bidarena.analysis.ctr;

import java.util.Locale;
import org.bidarena.learning.ctr.Scores;

/** The text the CTR commands print: a table of scores (model, oracle, batch cross-check) and a calibration table. */
public final class CtrReport {
  public static final int BINS = 10;

  private CtrReport() {}

  /** One line of the scores table; nothing when the scores are empty. */
  public static String row(String name, Scores s) {
    if (s.size() == 0) {
      return "";
    }
    return String.format(Locale.ROOT, "  %-26s %8.4f %10.5f %11.5f %10.5f%n", name, s.auc(), s.logLoss(),
        s.meanPredicted(), s.calibrationError(BINS));
  }

  public static String header(Scores s) {
    return String.format(Locale.ROOT, "Scored %,d examples with %,d clicks (CTR %.3f%%).%n", s.size(), s.positives(),
        100 * s.observedRate())
        + String.format(Locale.ROOT, "  %-26s %8s %10s %11s %10s%n", "", "AUC", "log loss", "mean pCTR", "ECE");
  }

  /** The calibration table: deciles of the predictions, mean predicted against observed. */
  public static String calibration(String name, Scores s) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Calibration of the %s (%d bins of equal count, by predicted pCTR):%n",
        name, BINS));
    b.append(String.format(Locale.ROOT, "  %4s %10s %15s %10s%n", "bin", "examples", "mean predicted", "observed"));
    int k = 1;
    for (Scores.Bin bin : s.calibration(BINS)) {
      b.append(String.format(Locale.ROOT, "  %4d %,10d %15.5f %10.5f%n", k++, bin.count(), bin.meanPredicted(),
          bin.observed()));
    }
    b.append(String.format(Locale.ROOT, "  expected calibration error %.5f%n", s.calibrationError(BINS)));
    return b.toString();
  }
}
