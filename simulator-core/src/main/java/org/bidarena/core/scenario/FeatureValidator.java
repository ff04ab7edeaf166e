package org.bidarena.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.regex.Pattern;

/** Reads {@code customers.features}: regions, devices, interest signals, value tiers, propensity, visibility. */
final class FeatureValidator {
  static final List<String> KEYS = List.of(
      "regions", "devices", "interests", "value-tier-weights", "value-tier-factors", "propensity-sigma",
      "region-propensity", "visible-to-bidders");
  static final Pattern REGION = Pattern.compile("[0-9]{5}");
  static final Pattern INTEREST = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  static final int MAX_REGIONS = 10_000;
  static final int MAX_TIERS = 8;

  private FeatureValidator() {}

  static FeatureSpec features(ConfigNode f) {
    SortedMap<String, Double> regions = f.weights("regions", REGION, MAX_REGIONS, 0, 1);
    double[] regionWeights = shares(f, "regions", regions.values().stream().mapToDouble(Double::doubleValue).toArray());

    ConfigNode devices = f.child("devices", FeatureSpec.DEVICES);
    double[] deviceWeights = new double[FeatureSpec.DEVICES.size()];
    for (int d = 0; d < deviceWeights.length; d++) {
      deviceWeights[d] = devices.number(FeatureSpec.DEVICES.get(d), 0, 1);
    }
    shares(f, "devices", deviceWeights);

    SortedMap<String, Double> interests = f.weights("interests", INTEREST, FeatureSpec.MAX_INTERESTS, 0, 1);

    double[] tierWeights = shares(f, "value-tier-weights", f.numbers("value-tier-weights", 1, MAX_TIERS, 0, 1));
    double[] tierFactors = f.numbers("value-tier-factors", 1, MAX_TIERS, 0.01, 100);
    if (tierFactors.length != tierWeights.length) {
      throw f.fail("value-tier-factors",
          "must have as many entries as value-tier-weights (" + tierWeights.length + ")");
    }
    double sigma = f.number("propensity-sigma", 0, 2);
    double[] regionPropensity = regionPropensity(f, new ArrayList<>(regions.keySet()));

    int visible = 0;
    for (String name : f.names("visible-to-bidders", FeatureSpec.VISIBLE, null, FeatureSpec.VISIBLE.size())) {
      visible |= 1 << FeatureSpec.VISIBLE.indexOf(name);
    }
    return new FeatureSpec(new ArrayList<>(regions.keySet()), regionWeights, deviceWeights,
        new ArrayList<>(interests.keySet()), interests.values().stream().mapToDouble(Double::doubleValue).toArray(),
        tierWeights, tierFactors, sigma, regionPropensity, visible);
  }

  /**
   * Each region's factor on the propensity: the scenario's (0.1..10; codes that are not among the regions are
   * ignored, so a scenario that replaces the regions need not clear the defaults), 1 for the others.
   */
  private static double[] regionPropensity(ConfigNode f, List<String> regions) {
    double[] factor = new double[regions.size()];
    java.util.Arrays.fill(factor, 1.0);
    if (f.has("region-propensity")) {
      SortedMap<String, Double> given = f.weights("region-propensity", REGION, MAX_REGIONS, 0.1, 10);
      given.forEach((code, value) -> {
        int r = regions.indexOf(code);
        if (r >= 0) {
          factor[r] = value;
        }
      });
    }
    return factor;
  }

  /** Weights that must sum to 1 (within 1e-9). */
  private static double[] shares(ConfigNode f, String key, double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    if (Math.abs(sum - 1.0) > 1e-9) {
      throw f.fail(key, "the shares must sum to 1 (they sum to " + sum + ")");
    }
    return weights;
  }
}
