package org.bidarena.app.ctr;

/** Progress lines on stderr for long files: one per tenth of the work, so a log stays short. */
final class Progress {
  private int lastTenth;

  void report(double share) {
    int tenth = (int) Math.floor(share * 10);
    if (tenth > lastTenth && tenth < 10) {
      lastTenth = tenth;
      System.err.printf("  training: %d%%%n", tenth * 10);
    }
  }

  void done() {
    if (lastTenth > 0) {
      System.err.println("  training: done");
    }
  }
}
