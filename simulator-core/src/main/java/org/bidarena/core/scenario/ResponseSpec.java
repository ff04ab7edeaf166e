package org.bidarena.core.scenario;

/**
 * The click model's feature and creative terms ({@code customers.ctr}), besides base CTR, stage, fatigue
 * and retargeting in {@link CustomerModelSpec}.
 *
 * @param deviceFactor factor on CTR by device (mobile, desktop, ctv)
 * @param interestMatch factor on CTR when the agent's declared interests share a signal with the customer's
 * @param propensityWeight CTR is scaled by propensity to this power
 * @param wearOutHalfLife population impressions of a creative after which half its wear-out loss is reached
 * @param wearOutFloor the factor on CTR a creative wears down to
 */
public record ResponseSpec(
    double[] deviceFactor, double interestMatch, double propensityWeight, double wearOutHalfLife, double wearOutFloor) {}
