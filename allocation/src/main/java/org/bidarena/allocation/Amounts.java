package org.bidarena.allocation;

import java.util.Locale;

/** Money for people: micros shown with two decimals and thousands separators (10,000.00). */
final class Amounts {
  private Amounts() {}

  static String money(long micros) {
    return String.format(Locale.ROOT, "%,.2f", micros / 1e6);
  }

  static String money(double micros) {
    return String.format(Locale.ROOT, "%,.2f", micros / 1e6);
  }
}
