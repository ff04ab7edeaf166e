package org.bidarena.core.scenario;

import java.util.List;

/**
 * The features customers are drawn with ({@code customers.features}): fixed for a customer's life, a pure
 * function of (seed, customer id).
 *
 * @param regions ZIP-like region codes, sorted; a customer's region is its index in this list
 * @param regionWeights the share of customers in each region (sums to 1)
 * @param deviceWeights the share of customers on each {@link #DEVICES device} (sums to 1)
 * @param interests the names of the interest signals; bit i of a customer's interest mask is signal i
 * @param interestPrevalence the share of customers with each signal, drawn independently
 * @param tierWeights the share of customers in each value tier
 * @param tierFactors each tier's factor on order values
 * @param propensitySigma the spread of the latent propensity, log-normal with mean 1
 * @param regionPropensity each region's factor on the propensity, as the scenario gives it (1 where it gives
 *     none); see {@link #normalisedRegionPropensity()}
 * @param visibleMask which features bidders see: bits {@link #REGION}, {@link #DEVICE}, {@link #INTERESTS},
 *     {@link #VALUE_TIER}
 */
public record FeatureSpec(
    List<String> regions,
    double[] regionWeights,
    double[] deviceWeights,
    List<String> interests,
    double[] interestPrevalence,
    double[] tierWeights,
    double[] tierFactors,
    double propensitySigma,
    double[] regionPropensity,
    int visibleMask) {
  public static final List<String> DEVICES = List.of("mobile", "desktop", "ctv");
  public static final List<String> VISIBLE = List.of("region", "device", "interests", "value-tier");
  public static final int REGION = 1;
  public static final int DEVICE = 2;
  public static final int INTERESTS = 4;
  public static final int VALUE_TIER = 8;
  /** Interest signals fit an int mask. */
  public static final int MAX_INTERESTS = 31;

  public FeatureSpec {
    regions = List.copyOf(regions);
    interests = List.copyOf(interests);
  }

  /** The region factors divided by their customer-weighted mean: regions differ, total demand does not. */
  public double[] normalisedRegionPropensity() {
    double mean = 0;
    for (int r = 0; r < regionPropensity.length; r++) {
      mean += regionWeights[r] * regionPropensity[r];
    }
    double[] out = new double[regionPropensity.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = regionPropensity[r] / mean;
    }
    return out;
  }

  public boolean visible(int feature) {
    return (visibleMask & feature) != 0;
  }

  /** The mask of the named interests. */
  public int interestMask(List<String> names) {
    int m = 0;
    for (String n : names) {
      int i = interests.indexOf(n);
      if (i < 0) {
        throw new IllegalArgumentException("unknown interest '" + n + "'");
      }
      m |= 1 << i;
    }
    return m;
  }

  /** Arrays compare by content, so that a scenario read back from its rendering equals the original. */
  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureSpec x
        && java.util.Objects.equals(regions, x.regions)
        && java.util.Arrays.equals(regionWeights, x.regionWeights)
        && java.util.Arrays.equals(deviceWeights, x.deviceWeights)
        && java.util.Objects.equals(interests, x.interests)
        && java.util.Arrays.equals(interestPrevalence, x.interestPrevalence)
        && java.util.Arrays.equals(tierWeights, x.tierWeights)
        && java.util.Arrays.equals(tierFactors, x.tierFactors)
        && java.util.Objects.equals(propensitySigma, x.propensitySigma)
        && java.util.Arrays.equals(regionPropensity, x.regionPropensity)
        && java.util.Objects.equals(visibleMask, x.visibleMask);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(new int[] {java.util.Objects.hashCode(regions),
        java.util.Arrays.hashCode(regionWeights),
        java.util.Arrays.hashCode(deviceWeights),
        java.util.Objects.hashCode(interests),
        java.util.Arrays.hashCode(interestPrevalence),
        java.util.Arrays.hashCode(tierWeights),
        java.util.Arrays.hashCode(tierFactors),
        java.util.Objects.hashCode(propensitySigma),
        java.util.Arrays.hashCode(regionPropensity),
        java.util.Objects.hashCode(visibleMask)});
  }

  @Override
  public String toString() {
    return "FeatureSpec[regions=" + regions
        + ", regionWeights=" + java.util.Arrays.toString(regionWeights)
        + ", deviceWeights=" + java.util.Arrays.toString(deviceWeights)
        + ", interests=" + interests
        + ", interestPrevalence=" + java.util.Arrays.toString(interestPrevalence)
        + ", tierWeights=" + java.util.Arrays.toString(tierWeights)
        + ", tierFactors=" + java.util.Arrays.toString(tierFactors)
        + ", propensitySigma=" + propensitySigma
        + ", regionPropensity=" + java.util.Arrays.toString(regionPropensity)
        + ", visibleMask=" + visibleMask + "]";
  }
}
