package org.bidarena.core.scenario;

/**
 * The customer model (market model 2.0, docs/market-model-2.md): traffic, features, clicks, organic demand
 * with the lift of ads, and stage transitions.
 *
 * @param visitsPerDay mean page views a day, per stage
 * @param diurnalAmplitude how much traffic swings over the day (0 = flat, below 1)
 * @param peakHour the hour of the day with the most traffic
 * @param ctrStageFactor a factor on {@code baseCtr}, per stage
 * @param fatigueThreshold recent exposures to one agent from which its ads are clicked less
 * @param fatigueDrop the relative drop in click probability once fatigued (0.30 = -30%)
 * @param retargetingLift the factor on click probability when the customer last clicked this agent's ad
 * @param attributionWindowDays days after a click in which a purchase is attributed to it (last click)
 */
public record CustomerModelSpec(
    int count,
    PerStage initialMix,
    PerStage visitsPerDay,
    double diurnalAmplitude,
    int peakHour,
    FeatureSpec features,
    double baseCtr,
    PerStage ctrStageFactor,
    int fatigueThreshold,
    double fatigueDrop,
    double retargetingLift,
    ResponseSpec response,
    DemandSpec demand,
    int attributionWindowDays,
    long orderValueMeanMicros,
    double orderValueSigma,
    Transitions transitions) {

  /**
   * Stage transitions. The per-day rates are drawn once a day for each customer (organic movement, with or
   * without ads); the per-impression and per-click ones when an ad is shown or clicked. A purchase moves a
   * customer to Purchase from any stage.
   *
   * @param awarenessToInterestPerDay Awareness to Interest, per day
   * @param interestToConsiderationPerDay Interest to Consideration, per day
   * @param interestToAwarenessPerDay Interest back to Awareness (interest fades), per day
   * @param considerationToInterestPerDay Consideration back to Interest, per day
   * @param purchaseToRetentionPerDay Purchase to Retention, per day
   * @param retentionToChurnRiskPerDay Retention to Churn Risk, per day
   * @param churnRiskToAwarenessPerDay Churn Risk to Awareness (lapsed), per day
   * @param exposureToInterest Awareness to Interest, per impression
   * @param exposureToConsideration Interest to Consideration, per impression
   * @param clickToInterest Awareness to Interest, per click
   * @param clickToConsideration Interest to Consideration, per click
   * @param churnRiskClickToConsideration Churn Risk to Consideration, per click
   */
  public record Transitions(
      double awarenessToInterestPerDay,
      double interestToConsiderationPerDay,
      double interestToAwarenessPerDay,
      double considerationToInterestPerDay,
      double purchaseToRetentionPerDay,
      double retentionToChurnRiskPerDay,
      double churnRiskToAwarenessPerDay,
      double exposureToInterest,
      double exposureToConsideration,
      double clickToInterest,
      double clickToConsideration,
      double churnRiskClickToConsideration) {}
}
