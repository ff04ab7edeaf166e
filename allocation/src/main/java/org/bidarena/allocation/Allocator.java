package org.bidarena.allocation;

/**
 * Splits a daily budget across channels once a simulated day. It sees only what an advertiser would: its own
 * past splits and each channel's outcomes (and past history, as priors), never the true response curves.
 * Implementations apply the {@link Bounds} themselves, so each can place its floor in its own way.
 */
public interface Allocator {
  /** Today's split and the score behind each share. */
  record Decision(double[] shares, double[] scores, String[] details) {}

  String name();

  /** Past days (before day 0) as priors; the default ignores them. */
  default void prior(History history) {}

  /** The split for {@code day}; {@code previous} is yesterday's split (on day 0, the fixed split in place before). */
  Decision decide(int day, double[] previous);

  /** What the channels returned for the split of {@code day}. */
  void observe(int day, double[] shares, Outcome[] outcomes);
}
