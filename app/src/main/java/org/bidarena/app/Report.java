package org.bidarena.app;

/** Prints a finished run's result on the terminal. */
final class Report {
  private Report() {}

  static int print(RunSummary summary, RunFolder folder) {
    System.out.println();
    System.out.print(summary.toTable());
    System.out.printf("%nauctions: %,d   impressions: %,d%n", summary.auctions(), summary.impressions());
    System.out.println("wrote " + folder.summaryJson() + " and " + folder.ticksCsv());
    System.out.println("digest: " + summary.digest());
    return 0;
  }
}
