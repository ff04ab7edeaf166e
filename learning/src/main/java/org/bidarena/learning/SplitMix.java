package org.bidarena.learning;

/**
 * A small seeded random generator (SplitMix64) whose whole state is one long, so that a learner's exploration
 * can be saved in a checkpoint and resumed exactly. Learners never use java.util.Random or a shared stream.
 */
public final class SplitMix {
  private long state;

  public SplitMix(long seed) {
    this.state = seed;
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  /** Standard normal by Box-Muller with StrictMath, so every JVM draws the same value. */
  public double nextGaussian() {
    double u = 1.0 - nextDouble();
    double v = nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
  }

  public long state() {
    return state;
  }

  public void setState(long state) {
    this.state = state;
  }
}
