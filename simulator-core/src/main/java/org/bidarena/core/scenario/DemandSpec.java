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
}
