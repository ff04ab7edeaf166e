package org.bidarena.core.driver;

/**
 * When the Driver may start its next tick: paused, one step at a time, at most N ticks per second, or as
 * fast as possible. It only delays the start of a tick, between ticks, so it never changes what a tick does
 * or what the journal holds.
 */
public final class Pacer {
  /** Hold the next tick until told otherwise. */
  public static final long HOLD = -1;

  private boolean paused;
  private int steps;
  private long intervalNanos;
  private long lastStartNanos = Long.MIN_VALUE;

  public void pause() {
    paused = true;
    steps = 0;
  }

  public void resume() {
    paused = false;
    steps = 0;
  }

  /** While paused, lets exactly one more tick start. */
  public void step() {
    if (paused) {
      steps++;
    }
  }

  /** At most {@code ticksPerSecond} ticks a second; 0 or less is as fast as possible. */
  public void speed(double ticksPerSecond) {
    intervalNanos = ticksPerSecond > 0 ? (long) (1e9 / ticksPerSecond) : 0;
  }

  public boolean paused() {
    return paused;
  }

  /**
   * How long to wait before the next tick starts ({@link #HOLD} while paused without a step). When it
   * returns 0 the caller starts the tick now, and the start is counted.
   */
  public long delayNanos(long nowNanos) {
    if (paused && steps == 0) {
      return HOLD;
    }
    if (intervalNanos > 0 && lastStartNanos != Long.MIN_VALUE) {
      long due = lastStartNanos + intervalNanos;
      if (due > nowNanos) {
        return due - nowNanos;
      }
    }
    if (paused) {
      steps--;
    }
    lastStartNanos = nowNanos;
    return 0;
  }
}
