package org.bidarena.agents.learning;

import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.TickSettlement;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;

/**
 * A strategy that sets one multiplier on the base bid per tick (bid = multiplier x base bid) and learns from
 * each settled tick. While training it explores and updates its learner; frozen it plays its greedy policy
 * and never changes. Its whole state (observation sums, the multiplier in play, the learner) goes into the
 * Bidder's checkpoint through {@link #state()}.
 */
public abstract class LearnerStrategy implements BiddingStrategy {
  protected final MarketObservation observation;
  private long baseBidMicros;
  private long totalTicks;
  private boolean training;
  private double multiplier;
  /** Per stage, the factor on the base bid (0 = no bid), or empty when one multiplier prices every row. */
  private double[] stageMultipliers = new double[0];

  protected LearnerStrategy(AgentSpec agent, Scenario scenario, double maxMultiplier, boolean training) {
    this.observation = new MarketObservation(agent, scenario, maxMultiplier);
    this.baseBidMicros = scenario.baseBidMicros();
    this.totalTicks = scenario.totalTicks();
    this.training = training;
  }

  /** The catalog name of the algorithm, as model files name it. */
  public abstract String algorithm();

  /** The multiplier for the first tick of an episode. */
  protected abstract double begin(double[] state, boolean training);

  /** Learns from the last tick (when training) and returns the next tick's multiplier. */
  protected abstract double step(double reward, double[] nextState, boolean done, boolean training);

  /** The reward of a settled tick; by default its profit per the tick's share of the daily budget. */
  protected double reward(TickSettlement s, double profitReward) {
    return profitReward;
  }

  /**
   * The weights that parallel actor-learners share (A3C); empty for a learner that has none. A worker's
   * update is the difference of its weights after an episode and the shared weights before it.
   */
  public double[] sharedWeights() {
    return new double[0];
  }

  public void setSharedWeights(double[] weights) {
    throw new UnsupportedOperationException(algorithm() + " has no shared weights");
  }

  /** How many actor-learners train in parallel, each on its own market (1 but for A3C). */
  public int workers() {
    return 1;
  }

  /** The frozen policy: what a model file stores. */
  public abstract double[] policy();

  /** Loads a frozen policy written by {@link #policy()}. */
  public abstract void loadPolicy(double[] policy);

  protected abstract void writeLearner(StateWriter w);

  protected abstract void readLearner(StateReader r);

  /** Starts an episode (a run of the scenario): the observation starts over, the learner keeps what it learnt. */
  public final void startEpisode(AgentSpec agent, Scenario scenario) {
    observation.configure(agent, scenario);
    baseBidMicros = scenario.baseBidMicros();
    totalTicks = scenario.totalTicks();
    startEpisode();
  }

  /** Starts an episode in the market it was built for. */
  public final void startEpisode() {
    observation.reset();
    multiplier = begin(observation.state(0), training);
  }

  public final void setTraining(boolean training) {
    this.training = training;
  }

  /** Prices rows by stage from now on (a learner whose action has one multiplier per stage). */
  protected final void setStageMultipliers(double[] perStage) {
    this.stageMultipliers = perStage.clone();
  }

  /**
   * Sets the multiplier of the next tick from outside the learner: a policy that runs elsewhere (the Python
   * step server's client) decides, and the learner's own {@link #step} only reports the state and reward.
   */
  protected final void play(double nextMultiplier) {
    this.multiplier = nextMultiplier;
  }

  @Override
  public final long bid(org.bidarena.agents.BidContext context) {
    if (stageMultipliers.length > 0) {
      return Math.round(baseBidMicros * stageMultipliers[context.stage()]);
    }
    return Math.round(baseBidMicros * multiplier);
  }

  @Override
  public final long uniformBid(long tick, int partition) {
    return stageMultipliers.length > 0 ? -1 : Math.round(baseBidMicros * multiplier);
  }

  @Override
  public final void onTickSettled(TickSettlement s) {
    double reward = reward(s, observation.settle(s));
    boolean done = s.tick() + 1 >= totalTicks;
    multiplier = step(reward, observation.state(multiplier), done, training);
  }

  @Override
  public final double multiplier() {
    return multiplier;
  }

  @Override
  public final double[] state() {
    StateWriter w = new StateWriter();
    w.put(multiplier).put(training ? 1 : 0).putArray(observation.state()).putArray(stageMultipliers);
    writeLearner(w);
    return w.toArray();
  }

  @Override
  public final void restore(double[] state) {
    StateReader r = new StateReader(state);
    multiplier = r.get();
    training = r.get() != 0;
    observation.restore(r.getArray(MarketObservation.STATE_SIZE));
    stageMultipliers = r.getArray(-1);
    readLearner(r);
    r.end();
  }

  /** {@code n} multipliers spaced evenly in log from {@code min} to {@code max}. */
  static double[] grid(double min, double max, int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = n == 1 ? min : min * StrictMath.pow(max / min, (double) i / (n - 1));
    }
    return g;
  }
}
