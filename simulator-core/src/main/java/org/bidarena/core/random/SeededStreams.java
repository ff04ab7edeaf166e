package org.bidarena.core.random;

/**
 * Counter-based random numbers: every draw is a pure function of (run seed, stream, coordinates).
 *
 * <p>There is no generator state to share, order or snapshot, so a draw gives the same value whatever
 * the thread, node or message order. Coordinates are entity identity and time (customer id and tick,
 * agent and auction id), as DESIGN.md asks. The mixer is SplitMix64's finaliser, applied once per
 * coordinate so that (a, b) and (b, a) differ.
 */
public final class SeededStreams {
  private final long seed;
  /** mix(seed ^ salt) per stream: the first round of every draw, computed once. */
  private final long[] base;

  public SeededStreams(long seed) {
    this.seed = mix(seed ^ 0x6A09E667F3BCC909L);
    this.base = new long[Stream.values().length];
    for (Stream s : Stream.values()) {
      base[s.ordinal()] = mix(this.seed ^ s.salt);
    }
  }

  public long seed() {
    return seed;
  }

  public long bits(Stream stream, long a) {
    return mix(base[stream.ordinal()] ^ a);
  }

  public long bits(Stream stream, long a, long b) {
    return mix(mix(base[stream.ordinal()] ^ a) ^ b);
  }

  public long bits(Stream stream, long a, long b, long c) {
    return mix(mix(mix(base[stream.ordinal()] ^ a) ^ b) ^ c);
  }

  /**
   * The state of a stream after its first coordinate, for drawing many second coordinates cheaply:
   * {@code next(key(s, a), b) == bits(s, a, b)}.
   */
  public long key(Stream stream, long a) {
    return bits(stream, a);
  }

  /** The draw at second coordinate {@code b} of a {@link #key}. */
  public static long next(long key, long b) {
    return mix(key ^ b);
  }

  /** A uniform double in [0, 1) from 53 random bits. */
  public static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }

  public double uniform(Stream stream, long a, long b) {
    return unit(bits(stream, a, b));
  }

  public double uniform(Stream stream, long a, long b, long c) {
    return unit(bits(stream, a, b, c));
  }

  /** True with probability p; p outside [0, 1] is clamped. */
  public boolean chance(Stream stream, long a, long b, double p) {
    return unit(bits(stream, a, b)) < p;
  }

  /** A standard normal draw (Box-Muller on two independent coordinates, StrictMath for reproducibility). */
  public double normal(Stream stream, long a, long b) {
    double u1 = 1.0 - unit(bits(stream, a, b, 1));
    double u2 = unit(bits(stream, a, b, 2));
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  /** A uniform integer in [0, bound). */
  public static int below(long bits, int bound) {
    return (int) (((bits >>> 32) * bound) >>> 32);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The named streams. The salt is part of the model: changing one changes every run's journal. */
  public enum Stream {
    INITIAL_STAGE(0x1001),
    INITIAL_ENGAGEMENT(0x1002),
    VISIT(0x2001),
    CLICK(0x3001),
    PURCHASE(0x3002),
    DELAYED_PURCHASE(0x3003),
    ORDER_VALUE(0x3004),
    TRANSITION(0x3005),
    TIE_BREAK(0x4001),
    RANDOM_BID(0x5001);

    final long salt;

    Stream(long salt) {
      this.salt = salt * 0x9E3779B97F4A7C15L;
    }
  }
}
