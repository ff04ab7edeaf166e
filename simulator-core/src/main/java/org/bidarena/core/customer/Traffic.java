package org.bidarena.core.customer;

import org.bidarena.core.scenario.CustomerModelSpec;

/**
 * Who visits when: the chance of a page view per tick is visits-per-day[stage] / ticks-per-day, times the
 * daily curve {@code 1 + amplitude x cos(2 pi (hour - peak) / 24)} and the day-of-week factor (day 0 of a
 * run is a Monday), capped at 1. Held as thresholds on 53 random bits, per [day of week][tick of day][stage].
 */
public final class Traffic {
  private final int ticksPerDay;
  private final long[][][] threshold;

  public Traffic(CustomerModelSpec spec, int ticksPerDay) {
    this.ticksPerDay = ticksPerDay;
    double[] week = spec.demand().dayOfWeek();
    this.threshold = new long[7][ticksPerDay][Stage.COUNT];
    for (int d = 0; d < 7; d++) {
      for (int t = 0; t < ticksPerDay; t++) {
        double hour = 24.0 * t / ticksPerDay;
        double diurnal =
            1.0 + spec.diurnalAmplitude() * StrictMath.cos(2 * StrictMath.PI * (hour - spec.peakHour()) / 24.0);
        for (int s = 0; s < Stage.COUNT; s++) {
          double chance = Math.min(1.0, spec.visitsPerDay().get(s) / ticksPerDay * diurnal * week[d]);
          threshold[d][t][s] = (long) Math.ceil(chance * 0x1.0p53);
        }
      }
    }
  }

  /** Visit thresholds by stage for a tick: a customer visits when its 53 random bits fall below. */
  public long[] thresholds(long tick) {
    int day = (int) ((tick / ticksPerDay) % 7);
    return threshold[day][(int) (tick % ticksPerDay)];
  }
}
