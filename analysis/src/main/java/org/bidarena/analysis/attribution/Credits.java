package org.bidarena.analysis.attribution;

import java.util.List;

/**
 * Conversions and revenue credited to each key by one model (or by the ground truth); fractional, since a
 * conversion is split between touches.
 *
 * @param model the model's name
 * @param keys key names, by key
 * @param conversions conversions credited to each key
 * @param revenueMicros revenue credited to each key, micro-units
 */
public record Credits(String model, List<String> keys, double[] conversions, double[] revenueMicros) {
  public Credits {
    keys = List.copyOf(keys);
    if (conversions.length != keys.size() || revenueMicros.length != keys.size()) {
      throw new IllegalArgumentException("one conversion and one revenue figure per key");
    }
  }

  public static Credits empty(String model, List<String> keys) {
    return new Credits(model, keys, new double[keys.size()], new double[keys.size()]);
  }

  public double totalConversions() {
    double sum = 0;
    for (double c : conversions) {
      sum += c;
    }
    return sum;
  }

  public double totalRevenueMicros() {
    double sum = 0;
    for (double r : revenueMicros) {
      sum += r;
    }
    return sum;
  }

  /** The conversions credited to the key named {@code key}, 0 when there is no such key. */
  public double conversionsOf(String key) {
    int k = keys.indexOf(key);
    return k < 0 ? 0 : conversions[k];
  }
}
