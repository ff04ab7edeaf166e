package org.bidarena.learning.ctr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an example's fields become hashed coordinates: the fields by name (one value each, empty = absent),
 * the crosses (pairs of fields whose joint value is a feature of its own), and the table size 2^hashBits.
 * Coordinate 0 is the bias, always on. A model holds its layout, and data or a bidder with another layout is
 * refused: the same coordinate would mean something else.
 *
 * @param name what the fields come from ({@code avazu}, {@code criteo}, {@code run})
 * @param crosses pairs of field indices
 */
public record FeatureLayout(String name, List<String> fields, List<int[]> crosses, int hashBits) {
  public static final int MIN_BITS = 4;
  public static final int MAX_BITS = 26;

  public FeatureLayout {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
    crosses = crosses.stream().map(int[]::clone).toList();
    if (hashBits < MIN_BITS || hashBits > MAX_BITS) {
      throw new IllegalArgumentException("hash bits must be " + MIN_BITS + ".." + MAX_BITS + ", got " + hashBits);
    }
    for (int[] c : crosses) {
      if (c.length != 2 || c[0] < 0 || c[1] < 0 || c[0] >= fields.size() || c[1] >= fields.size() || c[0] == c[1]) {
        throw new IllegalArgumentException("a cross must name two different fields of " + fields);
      }
    }
  }

  /** A layout whose crosses are given as "fieldA*fieldB" texts. */
  public static FeatureLayout of(String name, List<String> fields, List<String> crossTexts, int hashBits) {
    List<int[]> crosses = new ArrayList<>();
    for (String c : crossTexts) {
      String[] parts = c.split("\\*", -1);
      int a = parts.length == 2 ? fields.indexOf(parts[0]) : -1;
      int b = parts.length == 2 ? fields.indexOf(parts[1]) : -1;
      if (a < 0 || b < 0 || a == b) {
        throw new IllegalArgumentException("cross '" + c + "' must be two different fields of " + name
            + " joined by '*', from " + fields);
      }
      crosses.add(new int[] {a, b});
    }
    return new FeatureLayout(name, fields, crosses, hashBits);
  }

  /** Most coordinates one example can have: bias, fields, crosses. */
  public int maxFeatures() {
    return 1 + fields.size() + crosses.size();
  }

  /** The crosses as "a*b" texts. */
  public List<String> crossTexts() {
    return crosses.stream().map(c -> fields.get(c[0]) + "*" + fields.get(c[1])).toList();
  }

  /** One line naming the layout, for messages and equality checks. */
  public String describe() {
    return name + " (" + hashBits + " hash bits; fields " + String.join(",", fields)
        + (crosses.isEmpty() ? "" : "; crosses " + String.join(",", crossTexts())) + ")";
  }

  /** True when both layouts turn the same example into the same coordinates. */
  public boolean sameAs(FeatureLayout other) {
    return describe().equals(other.describe());
  }

  /**
   * Writes the coordinates of an example into {@code out} (at least {@link #maxFeatures} long) and returns
   * how many: the bias, each non-empty field, each cross whose two fields are non-empty.
   */
  public int encode(String[] values, int[] out, long[] scratch) {
    int n = 0;
    out[n++] = 0;
    for (int f = 0; f < fields.size(); f++) {
      String v = values[f];
      if (v == null || v.isEmpty()) {
        scratch[f] = 0;
        continue;
      }
      long h = FeatureHash.hash(f, v);
      scratch[f] = h;
      out[n++] = nonBias(h);
    }
    for (int[] c : crosses) {
      long a = scratch[c[0]];
      long b = scratch[c[1]];
      if (a != 0 && b != 0) {
        out[n++] = nonBias(FeatureHash.cross(a, b));
      }
    }
    return n;
  }

  /** A coordinate other than the bias's 0. */
  private int nonBias(long h) {
    int i = FeatureHash.index(h, hashBits);
    return i == 0 ? 1 : i;
  }
}
