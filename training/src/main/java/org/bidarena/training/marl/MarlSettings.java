package org.bidarena.training.marl;

import java.util.Locale;

/**
 * One setting of a multi-agent experiment: how the cluster agents learn, how much each weighs the others'
 * payoff, and whether the exchange runs its adaptive reserve.
 *
 * @param alpha reward mixing: agent k's reward is (1 - alpha) r_k + alpha x mean of all r (0 = self-interested,
 *     1 = fully cooperative)
 * @param episodes training episodes (whole runs of the scenario) before the evaluation
 * @param stepTicks ticks per decision step (the agents set their factors once a step); divides ticks-per-day
 * @param maxFactor the factors on the base bid range over [1 / maxFactor, maxFactor]
 * @param reserveGain 0 = the scenario's fixed reserve; above 0 = the adaptive reserve with this gain
 * @param reserveReferenceCpm the adaptive reserve's reference clearing price (CPM)
 */
public record MarlSettings(String name, Algorithm algorithm, double alpha, int episodes, int stepTicks,
    double maxFactor, double reserveGain, double reserveReferenceCpm) {

  /** How the cluster agents bid. */
  public enum Algorithm {
    /** No learning: factor 1 on every customer cluster (each advertiser bids base x its variation). */
    BASE,
    /** Independent learners: DDPG per agent, its critic seeing only its own state and action. */
    DDPG,
    /** Coordinated: a shared critic over the joint state and every agent's action (DCMAB style). */
    DCMAB;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Algorithm of(String key) {
      for (Algorithm a : values()) {
        if (a.key().equals(key)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown algorithm '" + key + "'; known: base, ddpg, dcmab");
    }
  }

  public MarlSettings {
    if (alpha < 0 || alpha > 1) {
      throw new IllegalArgumentException("alpha must be in [0, 1], not " + alpha);
    }
    if (episodes < 0 || stepTicks < 1 || maxFactor <= 1 || reserveGain < 0) {
      throw new IllegalArgumentException("episodes >= 0, step-ticks >= 1, max-factor > 1 and reserve gain >= 0");
    }
  }

  public boolean adaptiveReserve() {
    return reserveGain > 0;
  }
}
