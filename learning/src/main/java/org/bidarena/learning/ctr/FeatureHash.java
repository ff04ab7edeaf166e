package org.bidarena.learning.ctr;

/**
 * The stable hash of one feature: (field number, value text) to a coordinate in [0, 2^bits). Defined here
 * byte for byte (FNV-1a over the field number and the value's UTF-16 code units, then the SplitMix64
 * finaliser), never String.hashCode, so a model file means the same on every JVM and release.
 */
public final class FeatureHash {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private FeatureHash() {}

  /** The 64-bit hash of {@code value} in field {@code field}. */
  public static long hash(int field, CharSequence value) {
    long h = FNV_OFFSET;
    h = (h ^ (field & 0xffff)) * FNV_PRIME;
    h = (h ^ (field >>> 16)) * FNV_PRIME;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      h = (h ^ (c & 0xff)) * FNV_PRIME;
      h = (h ^ (c >>> 8)) * FNV_PRIME;
    }
    return mix(h);
  }

  /** The hash of a cross of two features, from their 64-bit hashes (order matters: crosses are declared pairs). */
  public static long cross(long a, long b) {
    return mix(a * 0x9e3779b97f4a7c15L + b);
  }

  /** Coordinate of a 64-bit hash in a table of 2^bits: its top bits. */
  public static int index(long hash, int bits) {
    return (int) (hash >>> (64 - bits));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
