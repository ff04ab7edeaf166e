package org.bidarena.allocation;

import java.util.Locale;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.learning.SplitMix;

/**
 * Thompson sampling with a Beta-Binomial model per channel: a click converts with probability theta_k,
 * theta_k ~ Beta(alpha_k, beta_k), updated by alpha += conversions and beta += clicks - conversions. A channel's
 * worth per unit of money is theta_k times its clicks per unit of money (observed). Each day it draws
 * {@code samples} joint samples and gives channel k the probability that it is the best (probability
 * matching), then the additive floor p_k = f + (1 - n f) w_k, then the bounds and the daily change cap.
 * Before each update the counts decay toward the prior by {@code decay}, so a channel whose response moves
 * (saturation, seasonality) is re-learned rather than remembered forever.
 */
public final class ThompsonAllocator implements Allocator {
  static final SeededStreams.Stream SAMPLES = SeededStreams.Stream.register("allocation-thompson", 0xA110_C003L);

  private final Bounds bounds;
  private final SeededStreams streams;
  private final int samples;
  private final double decay;
  private final boolean bestArm;
  private final double[] alpha;
  private final double[] beta;
  private final double[] clicks;
  private final double[] spend;

  /**
   * @param bestArm true: w_k = P(k is best) over the samples (probability matching); false: w_k in proportion to
   *     one sampled value per channel
   */
  public ThompsonAllocator(Bounds bounds, long seed, int samples, double decay, boolean bestArm) {
    this.bestArm = bestArm;
    this.bounds = bounds;
    this.streams = new SeededStreams(seed);
    this.samples = samples;
    this.decay = decay;
    int n = bounds.size();
    alpha = new double[n];
    beta = new double[n];
    clicks = new double[n];
    spend = new double[n];
    java.util.Arrays.fill(alpha, 1);
    java.util.Arrays.fill(beta, 1);
  }

  @Override
  public String name() {
    return "thompson";
  }

  @Override
  public void prior(History history) {
    for (History.Day d : history.days()) {
      update(d.clicks(), d.conversions(), d.spentMicros());
    }
  }

  /** Posterior mean conversion rate of channel i. */
  public double mean(int i) {
    return alpha[i] / (alpha[i] + beta[i]);
  }

  @Override
  public Decision decide(int day, double[] previous) {
    int n = bounds.size();
    double[] perMoney = new double[n];
    for (int i = 0; i < n; i++) {
      // clicks per currency unit; 1 until the channel has been seen, so that only theta decides
      perMoney[i] = spend[i] > 0 ? clicks[i] / (spend[i] / 1e6) : 1;
    }
    SplitMix[] rng = new SplitMix[n];
    for (int i = 0; i < n; i++) {
      rng[i] = new SplitMix(streams.bits(SAMPLES, bounds.channels().get(i).key(), day));
    }
    double[] wins = new double[n];
    if (!bestArm) {
      for (int i = 0; i < n; i++) {
        wins[i] = bounds.channels().get(i).frozen() ? 0 : BetaSampler.beta(rng[i], alpha[i], beta[i]) * perMoney[i];
      }
    }
    for (int m = 0; bestArm && m < samples; m++) {
      int best = -1;
      double top = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double v = BetaSampler.beta(rng[i], alpha[i], beta[i]) * perMoney[i];
        if (v > top && !bounds.channels().get(i).frozen()) {
          top = v;
          best = i;
        }
      }
      if (best >= 0) {
        wins[best]++;
      }
    }
    double[] w = new double[n];
    String[] details = new String[n];
    for (int i = 0; i < n; i++) {
      w[i] = bestArm ? wins[i] / samples : wins[i] / sum(wins);
      details[i] = String.format(Locale.ROOT, "Beta(%.1f; %.1f) mean %.4f, P(best) %.3f", alpha[i], beta[i], mean(i),
          w[i]);
    }
    double[] shares = bounds.project(bounds.withAdditiveFloor(w), previous);
    return new Decision(shares, w, details);
  }

  private static double sum(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s > 0 ? s : 1;
  }

  @Override
  public void observe(int day, double[] shares, Outcome[] outcomes) {
    int n = outcomes.length;
    long[] c = new long[n];
    long[] v = new long[n];
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      c[i] = outcomes[i].clicks();
      v[i] = outcomes[i].conversions();
      s[i] = outcomes[i].spendMicros();
    }
    update(c, v, s);
  }

  private void update(long[] c, long[] v, long[] s) {
    for (int i = 0; i < c.length; i++) {
      alpha[i] = 1 + decay * (alpha[i] - 1) + v[i];
      beta[i] = 1 + decay * (beta[i] - 1) + (c[i] - v[i]);
      clicks[i] = decay * clicks[i] + c[i];
      spend[i] = decay * spend[i] + s[i];
    }
  }
}
