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
    double[] deviceFactor, double interestMatch, double propensityWeight, double wearOutHalfLife, double wearOutFloor) {

  /** Arrays compare by content, so that a scenario read back from its rendering equals the original. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ResponseSpec x
        && java.util.Arrays.equals(deviceFactor, x.deviceFactor)
        && java.util.Objects.equals(interestMatch, x.interestMatch)
        && java.util.Objects.equals(propensityWeight, x.propensityWeight)
        && java.util.Objects.equals(wearOutHalfLife, x.wearOutHalfLife)
        && java.util.Objects.equals(wearOutFloor, x.wearOutFloor);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(new int[] {java.util.Arrays.hashCode(deviceFactor),
        java.util.Objects.hashCode(interestMatch),
        java.util.Objects.hashCode(propensityWeight),
        java.util.Objects.hashCode(wearOutHalfLife),
        java.util.Objects.hashCode(wearOutFloor)});
  }

  @Override
  public String toString() {
    return "ResponseSpec[deviceFactor=" + java.util.Arrays.toString(deviceFactor)
        + ", interestMatch=" + interestMatch
        + ", propensityWeight=" + propensityWeight
        + ", wearOutHalfLife=" + wearOutHalfLife
        + ", wearOutFloor=" + wearOutFloor + "]";
  }
}
