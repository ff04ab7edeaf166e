package org.bidarena.analysis.attribution;

/**
 * The heuristic models: each conversion with at least one touch is split between its touches by a fixed rule
 * of their positions (and, for time decay, their ages), the weights of a path summing to 1. They distribute the
 * touched conversions and their revenue, all of it: they have no notion of a conversion that would have happened
 * anyway.
 */
public final class RuleBasedModel implements AttributionModel {
  /** The rules. */
  public enum Rule {
    LAST("last"), FIRST("first"), LINEAR("linear"), TIME_DECAY("time-decay"), POSITION("position");

    final String key;

    Rule(String key) {
      this.key = key;
    }
  }

  private final Rule rule;
  private final double halfLifeTicks;

  /** @param halfLifeTicks time decay's half-life, above 0 (the other rules ignore it) */
  public RuleBasedModel(Rule rule, double halfLifeTicks) {
    if (!(halfLifeTicks > 0) || Double.isInfinite(halfLifeTicks)) {
      throw new IllegalArgumentException("half-life must be a positive number of ticks, was " + halfLifeTicks);
    }
    this.rule = rule;
    this.halfLifeTicks = halfLifeTicks;
  }

  @Override
  public String name() {
    return rule.key;
  }

  @Override
  public Credits attribute(Journeys journeys) {
    Credits out = Credits.empty(name(), journeys.keys().names());
    double[] weights = new double[16];
    for (int j = 0; j < journeys.size(); j++) {
      int n = journeys.length(j);
      if (!journeys.converted(j) || n == 0) {
        continue;
      }
      if (weights.length < n) {
        weights = new double[Math.max(n, weights.length * 2)];
      }
      weights(journeys, j, n, weights);
      int from = journeys.start(j);
      double value = journeys.value(j);
      for (int p = 0; p < n; p++) {
        int k = journeys.key(from + p);
        out.conversions()[k] += weights[p];
        out.revenueMicros()[k] += weights[p] * value;
      }
    }
    return out;
  }

  /** Fills weights[0 .. n-1] for journey j's touches, oldest first; they sum to 1. */
  void weights(Journeys journeys, int j, int n, double[] weights) {
    java.util.Arrays.fill(weights, 0, n, 0);
    switch (rule) {
      case LAST -> weights[n - 1] = 1;
      case FIRST -> weights[0] = 1;
      case LINEAR -> java.util.Arrays.fill(weights, 0, n, 1.0 / n);
      case POSITION -> position(n, weights);
      case TIME_DECAY -> {
        int from = journeys.start(j);
        // Ages from the newest touch rather than the conversion: the same ratios, and the newest weighs 1, so a
        // path of old touches cannot underflow to 0 / 0.
        int newest = journeys.tick(from + n - 1);
        double sum = 0;
        for (int p = 0; p < n; p++) {
          // 2^(-age / half-life): a touch one half-life older weighs half as much
          weights[p] = Math.pow(2, -(newest - journeys.tick(from + p)) / halfLifeTicks);
          sum += weights[p];
        }
        for (int p = 0; p < n; p++) {
          weights[p] /= sum;
        }
      }
    }
  }

  /** 40% to the first touch, 40% to the last, 20% shared by the ones between; one touch 100%, two 50/50. */
  static void position(int n, double[] weights) {
    if (n == 1) {
      weights[0] = 1;
    } else if (n == 2) {
      weights[0] = 0.5;
      weights[1] = 0.5;
    } else {
      weights[0] = 0.4;
      weights[n - 1] = 0.4;
      for (int p = 1; p < n - 1; p++) {
        weights[p] = 0.2 / (n - 2);
      }
    }
  }
}
