package org.bidarena.core.random;

import java.util.ArrayList;
import java.util.List;

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
  /** mix(seed ^ salt) per stream registered so far, indexed by {@link Stream#id}: the first round of every draw. */
  private final long[] base;

  public SeededStreams(long seed) {
    this.seed = mix(seed ^ 0x6A09E667F3BCC909L);
    List<Stream> streams = Stream.registered();
    this.base = new long[streams.size()];
    for (Stream s : streams) {
      base[s.id] = mix(this.seed ^ s.salt);
    }
  }

  public long seed() {
    return seed;
  }

  /** The first round of a draw; a stream registered after this object was made is computed each time. */
  private long base(Stream stream) {
    int id = stream.id;
    return id < base.length ? base[id] : mix(seed ^ stream.salt);
  }

  public long bits(Stream stream, long a) {
    return mix(base(stream) ^ a);
  }

  public long bits(Stream stream, long a, long b) {
    return mix(mix(base(stream) ^ a) ^ b);
  }

  public long bits(Stream stream, long a, long b, long c) {
    return mix(mix(mix(base(stream) ^ a) ^ b) ^ c);
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

  /**
   * A named random stream. Any module names its own with {@link #register}, next to the code that draws from
   * it; the core's own are the constants below. The salt is part of the model: changing one changes every
   * run's journal, and two streams with one salt would draw the same numbers, so a second is refused.
   */
  public static final class Stream {
    // Declared first: static fields initialise in textual order, and the constants below register here.
    private static final List<Stream> REGISTRY = new ArrayList<>();

    public static final Stream INITIAL_STAGE = register("initial-stage", 0x1001);
    public static final Stream INITIAL_ENGAGEMENT = register("initial-engagement", 0x1002);
    public static final Stream VISIT = register("visit", 0x2001);
    public static final Stream CLICK = register("click", 0x3001);
    public static final Stream PURCHASE = register("purchase", 0x3002);
    public static final Stream DELAYED_PURCHASE = register("delayed-purchase", 0x3003);
    public static final Stream ORDER_VALUE = register("order-value", 0x3004);
    public static final Stream TRANSITION = register("transition", 0x3005);
    public static final Stream TIE_BREAK = register("tie-break", 0x4001);

    private final String name;
    private final long rawSalt;
    final long salt;
    final int id;

    private Stream(String name, long rawSalt, int id) {
      this.name = name;
      this.rawSalt = rawSalt;
      this.salt = rawSalt * 0x9E3779B97F4A7C15L;
      this.id = id;
    }

    /**
     * Registers a stream once per JVM, as a {@code static final} constant of the class that draws from it.
     *
     * @throws IllegalStateException when the name or the salt is taken already
     */
    public static Stream register(String name, long salt) {
      synchronized (Stream.class) {
        List<Stream> all = REGISTRY;
        for (Stream s : all) {
          if (s.rawSalt == salt || s.name.equals(name)) {
            throw new IllegalStateException(String.format(
                "random stream %s (salt 0x%X) collides with the registered stream %s (salt 0x%X)",
                name, salt, s.name, s.rawSalt));
          }
        }
        Stream stream = new Stream(name, salt, all.size());
        all.add(stream);
        return stream;
      }
    }

    /** Every stream registered so far, in registration order (which is each one's id). */
    public static List<Stream> registered() {
      synchronized (Stream.class) {
        return List.copyOf(REGISTRY);
      }
    }

    public String name() {
      return name;
    }

    /** The salt as registered, before it is spread over 64 bits. */
    public long rawSalt() {
      return rawSalt;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
