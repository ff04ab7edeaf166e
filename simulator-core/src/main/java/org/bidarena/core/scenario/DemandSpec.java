package org.bidarena.core.scenario;

/**
 * Organic demand and the lift of ads ({@code customers.organic}, {@code customers.lift},
 * {@code customers.day-of-week}): the additive purchase hazard of docs/market-model-2.md.
 *
 * @param organicPerDay purchase hazard per day without ads, by stage, for a customer of propensity 1
 * @param impressionLift hazard per day an impression adds at age 0
 * @param clickLift hazard per day a clicked impression adds at age 0 (instead of {@code impressionLift})
 * @param liftHalfLifeDays the half-life of a touch's lift
 * @param dayOfWeek factors on visits (and so on the purchase hazard) by day of week, Monday first; day 0 of a
 *     run is a Monday
 */
public record DemandSpec(
    PerStage organicPerDay, double impressionLift, double clickLift, double liftHalfLifeDays, double[] dayOfWeek) {
  public static final java.util.List<String> DAYS =
      java.util.List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  /** Arrays compare by content, so that a scenario read back from its rendering equals the original. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DemandSpec x
        && java.util.Objects.equals(organicPerDay, x.organicPerDay)
        && java.util.Objects.equals(impressionLift, x.impressionLift)
        && java.util.Objects.equals(clickLift, x.clickLift)
        && java.util.Objects.equals(liftHalfLifeDays, x.liftHalfLifeDays)
        && java.util.Arrays.equals(dayOfWeek, x.dayOfWeek);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(new int[] {java.util.Objects.hashCode(organicPerDay),
        java.util.Objects.hashCode(impressionLift),
        java.util.Objects.hashCode(clickLift),
        java.util.Objects.hashCode(liftHalfLifeDays),
        java.util.Arrays.hashCode(dayOfWeek)});
  }

  @Override
  public String toString() {
    return "DemandSpec[organicPerDay=" + organicPerDay
        + ", impressionLift=" + impressionLift
        + ", clickLift=" + clickLift
        + ", liftHalfLifeDays=" + liftHalfLifeDays
        + ", dayOfWeek=" + java.util.Arrays.toString(dayOfWeek) + "]";
  }
}
