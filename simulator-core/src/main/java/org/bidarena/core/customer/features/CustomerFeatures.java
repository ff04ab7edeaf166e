package org.bidarena.core.customer.features;

import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.random.SeededStreams.Stream;
import org.bidarena.core.scenario.FeatureSpec;

/**
 * The features of a range of customers, columnar: row i is customer {@code firstCustomer + i}.
 *
 * <p>Each feature is a pure function of (seed, customer id), drawn from its own stream, so a customer has the
 * same features whatever the shard layout, and a snapshot need not carry them: they are drawn again on
 * restore. Region and value tier are weighted draws; each interest signal is an independent coin with its
 * prevalence; the propensity is log-normal with mean 1, {@code exp(sigma z - sigma^2 / 2)}, times the
 * factor of the customer's region (normalised so that the population's mean stays 1).
 */
public record CustomerFeatures(
    int firstCustomer, short[] region, byte[] device, int[] interests, byte[] valueTier, float[] propensity) {
  public static final Stream REGION = Stream.register("feature-region", 0x1003);
  public static final Stream DEVICE = Stream.register("feature-device", 0x1004);
  public static final Stream INTEREST = Stream.register("feature-interest", 0x1005);
  public static final Stream VALUE_TIER = Stream.register("feature-value-tier", 0x1006);
  public static final Stream PROPENSITY = Stream.register("feature-propensity", 0x1007);

  public int size() {
    return region.length;
  }

  /** Draws the features of customers [first, first + size). */
  public static CustomerFeatures draw(FeatureSpec spec, SeededStreams streams, int first, int size) {
    short[] region = new short[size];
    byte[] device = new byte[size];
    int[] interests = new int[size];
    byte[] tier = new byte[size];
    float[] propensity = new float[size];
    double sigma = spec.propensitySigma();
    double[] prevalence = spec.interestPrevalence();
    double[] regionFactor = spec.normalisedRegionPropensity();
    for (int i = 0; i < size; i++) {
      long id = first + i;
      region[i] = (short) pick(spec.regionWeights(), streams.uniform(REGION, id, 0));
      device[i] = (byte) pick(spec.deviceWeights(), streams.uniform(DEVICE, id, 0));
      int mask = 0;
      for (int s = 0; s < prevalence.length; s++) {
        if (streams.uniform(INTEREST, id, s) < prevalence[s]) {
          mask |= 1 << s;
        }
      }
      interests[i] = mask;
      tier[i] = (byte) pick(spec.tierWeights(), streams.uniform(VALUE_TIER, id, 0));
      double z = sigma == 0 ? 0 : streams.normal(PROPENSITY, id, 0);
      propensity[i] = (float) (StrictMath.exp(sigma * z - sigma * sigma / 2) * regionFactor[region[i]]);
    }
    return new CustomerFeatures(first, region, device, interests, tier, propensity);
  }

  /** The index whose cumulative weight first exceeds u; the last index with a positive weight otherwise. */
  static int pick(double[] weights, double u) {
    double acc = 0;
    int last = 0;
    for (int k = 0; k < weights.length; k++) {
      if (weights[k] > 0) {
        last = k;
        acc += weights[k];
        if (u < acc) {
          return k;
        }
      }
    }
    return last;
  }
}
