package org.bidarena.analysis.attribution;

/**
 * Markov-chain attribution of order k: key x's removal effect is the share of the chain's conversion probability
 * lost when every state holding x leads to null, 1 - P(conversion without x) / P(conversion), computed exactly
 * ({@link ConversionProbability}), not by simulating paths. Journeys that did not convert are in the chain (they
 * are its null transitions); journeys without touches are not (no state to remove). The touched conversions and
 * their revenue are split in proportion to the removal effects, as is usual (the effects of several keys can add
 * up to more than 1, since a path needs all of its touches).
 */
public final class MarkovModel implements AttributionModel {
  /** Dense solves cost states^3 / 3 each, one per key and one for the whole chain: about 20 s at this bound. */
  static final double MAX_WORK = 2e10;

  private final int order;

  public MarkovModel(int order) {
    if (order < 1 || order > 4) {
      throw new IllegalArgumentException("a Markov model's order must be 1..4, was " + order);
    }
    this.order = order;
  }

  /** The chain, its conversion probability and each key's removal effect. */
  public record Result(MarkovChain chain, double conversionProbability, double[] withoutKey, double[] removalEffect) {}

  @Override
  public String name() {
    return "markov" + order;
  }

  public Result removalEffects(Journeys journeys) {
    MarkovChain chain = MarkovChain.of(journeys, order);
    int keys = journeys.keys().size();
    double work = (keys + 1.0) * Math.pow(chain.states(), 3) / 3;
    if (work > MAX_WORK) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%s over %d keys has %d states: %d exact solves would take about %.0e operations, more than %.0e"
              + " (fewer keys or a lower order)", name(), keys, chain.states(), keys + 1, work, MAX_WORK));
    }
    double all = ConversionProbability.of(chain, -1);
    double[] without = new double[keys];
    double[] effect = new double[keys];
    for (int k = 0; k < keys; k++) {
      without[k] = ConversionProbability.of(chain, k);
      effect[k] = all > 0 ? Math.max(0, 1 - without[k] / all) : 0;
    }
    return new Result(chain, all, without, effect);
  }

  @Override
  public Credits attribute(Journeys journeys) {
    return credits(journeys, removalEffects(journeys));
  }

  public Credits credits(Journeys journeys, Result result) {
    Credits out = Credits.empty(name(), journeys.keys().names());
    double sum = 0;
    for (double e : result.removalEffect()) {
      sum += e;
    }
    if (sum <= 0) {
      return out;
    }
    double conversions = journeys.touchedConversions();
    double revenue = journeys.touchedRevenue();
    for (int k = 0; k < out.keys().size(); k++) {
      double share = result.removalEffect()[k] / sum;
      out.conversions()[k] = conversions * share;
      out.revenueMicros()[k] = revenue * share;
    }
    return out;
  }
}
