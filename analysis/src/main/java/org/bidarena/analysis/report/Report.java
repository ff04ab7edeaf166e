package org.bidarena.analysis.report;

import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.analysis.run.RunFolder;

/** Prints a finished run's result on the terminal: the tables, the market check, the files and the digest. */
public final class Report {
  private Report() {}

  public static int print(RunSummary summary, RunFolder folder) {
    return print(summary, folder.summaryJson() + " and " + folder.ticksCsv());
  }

  public static int print(RunSummary summary, String wrote) {
    System.out.println();
    System.out.print(summary.toTable());
    System.out.printf("%nauctions: %,d   impressions: %,d%n%n", summary.auctions(), summary.impressions());
    System.out.print(MarketCheck.text(summary));
    System.out.println();
    System.out.println("wrote " + wrote);
    System.out.println("digest: " + summary.digest());
    return 0;
  }
}
