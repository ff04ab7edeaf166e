package org.bidarena.training.marl;

/**
 * How much each agent weighs the others' payoff (Jin et al. 2018): agent k learns from
 * (1 - alpha) r_k + alpha x mean(r). alpha = 0 is self-interested competition, alpha = 1 full cooperation
 * (every agent learns the same, the market's mean). The mean rather than the total keeps one scale for
 * every alpha, so the learners' step sizes mean the same across a sweep.
 */
public final class RewardMixing {
  private RewardMixing() {}

  public static double[] mix(double[] raw, double alpha) {
    double mean = 0;
    for (double r : raw) {
      mean += r / raw.length;
    }
    double[] mixed = new double[raw.length];
    for (int k = 0; k < raw.length; k++) {
      mixed[k] = (1 - alpha) * raw[k] + alpha * mean;
    }
    return mixed;
  }
}
