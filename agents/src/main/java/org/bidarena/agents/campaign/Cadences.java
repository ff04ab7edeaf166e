package org.bidarena.agents.campaign;

/**
 * How often, in ticks, each optimisation agent runs. The campaign document's cadences are in wall-clock
 * time (monitor 30 s, budget 2 min, audience 5 min, creative 10 min); here they are simulated time, mapped
 * onto ticks and never below one tick: with 96 ticks a day (15 minutes) every agent runs every tick, with
 * 1,440 (1 minute) they run every 1, 2, 5 and 10 ticks.
 */
public record Cadences(int monitorTicks, int reallocateTicks, int discoverTicks, int rotateTicks) {
  public static final int MONITOR_SECONDS = 30;
  public static final int REALLOCATE_SECONDS = 120;
  public static final int DISCOVER_SECONDS = 300;
  public static final int ROTATE_SECONDS = 600;

  public Cadences {
    if (monitorTicks < 1 || reallocateTicks < 1 || discoverTicks < 1 || rotateTicks < 1) {
      throw new IllegalArgumentException("every cadence is at least one tick");
    }
  }

  /** {@code seconds} of simulated time in ticks, rounded, at least 1. */
  public static int ticks(int seconds, int ticksPerDay) {
    return (int) Math.max(1, Math.round(seconds * (double) ticksPerDay / 86_400));
  }

  /** A cadence given in ticks, or 0 for the document's mapped onto ticks. */
  public static int orDefault(long givenTicks, int seconds, int ticksPerDay) {
    return givenTicks > 0 ? (int) givenTicks : ticks(seconds, ticksPerDay);
  }

  /** Whether an agent running every {@code every} ticks runs at the end of {@code tick}. */
  static boolean due(long tick, int every) {
    return (tick + 1) % every == 0;
  }
}
