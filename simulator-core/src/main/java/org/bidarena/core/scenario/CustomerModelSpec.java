package org.bidarena.core.scenario;

/**
 * The customer response model: traffic, clicks, purchases and stage transitions.
 *
 * @param visitsPerDay mean page views a day, per stage
 * @param diurnalAmplitude how much traffic swings over the day (0 = flat, below 1)
 * @param peakHour the hour of the day with the most traffic
 * @param ctrStageFactor a factor on {@code baseCtr}, per stage
 * @param fatigueThreshold recent exposures to one agent from which its ads are clicked less
 * @param fatigueDrop the relative drop in click probability once fatigued (0.30 = -30%)
 * @param retargetingLift the factor on click probability when the customer last clicked this agent's ad
 * @param conversionStageFactor a factor on {@code baseConversion} (purchase probability after a click)
 * @param delayedConversion the probability that a visit within the attribution window ends in a purchase
 *     attributed to the last click
 */
public record CustomerModelSpec(
    int count,
    PerStage initialMix,
    PerStage visitsPerDay,
    double diurnalAmplitude,
    int peakHour,
    double baseCtr,
    PerStage ctrStageFactor,
    int fatigueThreshold,
    double fatigueDrop,
    double retargetingLift,
    double baseConversion,
    PerStage conversionStageFactor,
    double delayedConversion,
    int attributionWindowDays,
    long orderValueMeanMicros,
    double orderValueSigma,
    Transitions transitions) {

  /**
   * Stage transitions. Probabilities apply per event; day counts are checked once a day.
   *
   * @param exposureToInterest Awareness to Interest, per impression
   * @param clickToInterest Awareness to Interest, per click
   * @param clickToConsideration Interest to Consideration, per click
   * @param churnRiskClickToConsideration Churn Risk to Consideration, per click
   * @param purchaseToRetentionDays days after a purchase before the customer counts as retained
   * @param retentionToChurnRiskDays days without a click or purchase before Retention becomes Churn Risk
   * @param churnRiskToAwarenessDays days without a click or purchase before Churn Risk falls to Awareness
   * @param interestCooldownDays days without engagement before Interest falls back to Awareness
   * @param considerationCooldownDays days without engagement before Consideration falls back to Interest
   */
  public record Transitions(
      double exposureToInterest,
      double clickToInterest,
      double clickToConsideration,
      double churnRiskClickToConsideration,
      int purchaseToRetentionDays,
      int retentionToChurnRiskDays,
      int churnRiskToAwarenessDays,
      int interestCooldownDays,
      int considerationCooldownDays) {}
}
