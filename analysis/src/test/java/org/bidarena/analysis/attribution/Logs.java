package org.bidarena.analysis.attribution;

import java.util.List;
import java.util.SplittableRandom;

/** Touch logs for the attribution tests. */
final class Logs {
  private Logs() {}

  static Keys keys(int n) {
    return Keys.named(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q",
        "r", "s", "t").subList(0, n));
  }

  /** A random log: customers with random touches over {@code keys} agents and random conversions. */
  static TouchLog random(long seed, int customers, int keys, int touches, int conversions) {
    SplittableRandom r = new SplittableRandom(seed);
    TouchLog log = new TouchLog(customers);
    for (int i = 0; i < touches; i++) {
      log.touch(r.nextInt(customers), r.nextInt(200), r.nextInt(keys), 0);
    }
    for (int i = 0; i < conversions; i++) {
      log.conversion(r.nextInt(customers), r.nextInt(200), 1 + r.nextInt(100_000_000));
    }
    return log;
  }
}
