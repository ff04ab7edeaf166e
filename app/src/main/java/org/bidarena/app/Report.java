package org.bidarena.app;

/** Prints a finished run's result on the terminal. */
final class Report {
  private Report() {}

  static int print(RunSummary summary, RunFolder folder) {
    return print(summary, folder.summaryJson() + " and " + folder.ticksCsv());
  }

  static int print(RunSummary summary, String wrote) {
    System.out.println();
    System.out.print(summary.toTable());
    System.out.printf("%nauctions: %,d   impressions: %,d%n", summary.auctions(), summary.impressions());
    System.out.println("wrote " + wrote);
    System.out.println("digest: " + summary.digest());
    return 0;
  }
}
