package org.bidarena.training.env;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.agents.TickSettlement;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.training.MarketSteps;

/**
 * One copy of the environment: the market of the spec's scenario on the seed of the last reset, stepped one
 * tick per {@link #step}, with each learning agent's slot played by an {@link ExternalLearner}. The
 * observation and reward are the Java learners' (their decision point is a settled tick), so a client and
 * {@code bidarena train} see the same market. Plain logic: no sockets, no threads.
 */
public final class EnvSession {
  private final EnvSpec spec;
  private MarketSteps market;
  private ExternalLearner[] learners;
  private long seed;
  private final List<double[]> actions = new ArrayList<>();

  /** What a step returns: per learning agent its observation, reward and settlement, and the market's tick. */
  public record Step(double[][] observations, double[] rewards, boolean terminated, long ticksPlayed,
      long auctions, TickSettlement[] settled) {}

  public EnvSession(EnvSpec spec) {
    this.spec = spec;
  }

  /** Starts an episode on {@code seed} and returns each learning agent's first observation. */
  public double[][] reset(long seed) {
    Scenario market = spec.scenario().withSeed(seed);
    this.seed = seed;
    learners = new ExternalLearner[spec.agents().size()];
    for (int i = 0; i < learners.length; i++) {
      learners[i] = new ExternalLearner(market.agents().get(spec.agentIndex()[i]), market, spec.maxMultiplier());
      learners[i].startEpisode();
    }
    this.market = new MarketSteps(market, a -> {
      for (int i = 0; i < learners.length; i++) {
        if (spec.agentIndex()[i] == a) {
          return learners[i];
        }
      }
      return null;
    });
    actions.clear();
    return observations();
  }

  /**
   * Plays one tick with the given multipliers (one per learning agent, in the spec's order).
   *
   * @throws IllegalArgumentException for a bad action, before anything is played
   * @throws IllegalStateException before a reset or after the episode's last tick
   */
  public Step step(double[] multipliers) {
    check(multipliers);
    if (market == null) {
      throw new IllegalStateException("no episode: reset the environment first");
    }
    if (market.done()) {
      throw new IllegalStateException("the episode is over (all " + market.tick() + " ticks played): reset it");
    }
    for (int i = 0; i < learners.length; i++) {
      learners[i].act(multipliers[i]);
    }
    long before = market.auctions();
    market.step();
    actions.add(multipliers.clone());
    double[] rewards = new double[learners.length];
    TickSettlement[] all = market.lastSettled();
    TickSettlement[] mine = new TickSettlement[learners.length];
    for (int i = 0; i < learners.length; i++) {
      rewards[i] = learners[i].reward();
      mine[i] = all[spec.agentIndex()[i]];
    }
    return new Step(observations(), rewards, market.done(), market.tick(), market.auctions() - before, mine);
  }

  /**
   * Refuses actions of the wrong count, not finite or out of [0, max multiplier], with one line saying what
   * is wrong and what is allowed.
   */
  public void check(double[] multipliers) {
    if (multipliers.length != spec.agents().size()) {
      throw new IllegalArgumentException("expected " + spec.agents().size() + " action(s), one multiplier per agent "
          + spec.agents() + ", got " + multipliers.length);
    }
    for (int i = 0; i < multipliers.length; i++) {
      double m = multipliers[i];
      if (!Double.isFinite(m) || m < 0 || m > spec.maxMultiplier()) {
        throw new IllegalArgumentException("action " + i + " (agent " + spec.agents().get(i) + ") is " + m
            + "; allowed: a multiplier from 0 to " + spec.maxMultiplier());
      }
    }
  }

  public long seed() {
    return seed;
  }

  /** Whether an episode has been played to its last tick. */
  public boolean episodeOver() {
    return market != null && market.done();
  }

  /** The multipliers played since the last reset, one array per tick. */
  public List<double[]> actions() {
    return List.copyOf(actions);
  }

  private double[][] observations() {
    double[][] obs = new double[learners.length][];
    for (int i = 0; i < learners.length; i++) {
      obs[i] = learners[i].observation();
    }
    return obs;
  }
}
