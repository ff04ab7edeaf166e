package org.bidarena.learning.bandit;

import org.bidarena.learning.SplitMix;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;

/**
 * Thompson sampling over a few arms with Gaussian rewards: each arm's mean has a normal posterior (prior mean
 * 0, prior weight {@code priorCount} pseudo-observations) whose spread uses the pooled variance of all rewards
 * seen. Choosing draws one mean per arm and takes the highest; an arm never tried is drawn from the prior.
 */
public final class GaussianThompson {
  private final int arms;
  private final double priorCount;
  private final SplitMix rng;
  private final double[] count;
  private final double[] sum;
  private double pooledN;
  private double pooledMean;
  private double pooledM2;

  public GaussianThompson(int arms, double priorCount, long seed) {
    if (arms < 1) {
      throw new IllegalArgumentException("a bandit needs at least one arm");
    }
    this.arms = arms;
    this.priorCount = priorCount;
    this.rng = new SplitMix(seed);
    this.count = new double[arms];
    this.sum = new double[arms];
  }

  /** A sampled arm. */
  public int choose() {
    double sd = pooledN > 1 ? StrictMath.sqrt(pooledM2 / (pooledN - 1)) : 1.0;
    int best = 0;
    double bestDraw = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < arms; a++) {
      double n = count[a] + priorCount;
      double draw = sum[a] / n + rng.nextGaussian() * sd / StrictMath.sqrt(n);
      if (draw > bestDraw) {
        bestDraw = draw;
        best = a;
      }
    }
    return best;
  }

  /** The arm of highest posterior mean: the frozen policy. */
  public int best() {
    int best = 0;
    for (int a = 1; a < arms; a++) {
      if (mean(a) > mean(best)) {
        best = a;
      }
    }
    return best;
  }

  public double mean(int arm) {
    return sum[arm] / (count[arm] + priorCount);
  }

  public void update(int arm, double reward) {
    count[arm]++;
    sum[arm] += reward;
    pooledN++;
    double d = reward - pooledMean;
    pooledMean += d / pooledN;
    pooledM2 += d * (reward - pooledMean);
  }

  public int arms() {
    return arms;
  }

  public double[] state() {
    StateWriter w = new StateWriter();
    w.putLong(rng.state()).putArray(count).putArray(sum).put(pooledN).put(pooledMean).put(pooledM2);
    return w.toArray();
  }

  public void restore(double[] state) {
    StateReader r = new StateReader(state);
    rng.setState(r.getLong());
    System.arraycopy(r.getArray(arms), 0, count, 0, arms);
    System.arraycopy(r.getArray(arms), 0, sum, 0, arms);
    pooledN = r.get();
    pooledMean = r.get();
    pooledM2 = r.get();
    r.end();
  }
}
