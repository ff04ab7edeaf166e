package org.bidarena.training.env;

import org.bidarena.agents.learning.LearnerStrategy;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;

/**
 * A learner slot whose policy runs elsewhere: it sees the market at the learners' decision point (the same
 * {@code MarketObservation} state and profit reward as {@code dqn} or {@code ppo}) and plays the multiplier it
 * is told. What the learner hooks receive, it keeps for the caller to read.
 */
public final class ExternalLearner extends LearnerStrategy {
  private double[] state;
  private double reward;
  private boolean done;

  public ExternalLearner(AgentSpec agent, Scenario scenario, double maxMultiplier) {
    super(agent, scenario, maxMultiplier, false);
  }

  /** Sets the multiplier of the next tick. */
  public void act(double multiplier) {
    play(multiplier);
  }

  /** The state before the next tick, as a learner would see it. */
  public double[] observation() {
    return state.clone();
  }

  /** The reward of the last settled tick (its profit per the tick's share of the daily budget). */
  public double reward() {
    return reward;
  }

  public boolean done() {
    return done;
  }

  @Override
  public String algorithm() {
    return "external";
  }

  @Override
  protected double begin(double[] firstState, boolean training) {
    state = firstState;
    reward = 0;
    done = false;
    return 0;
  }

  @Override
  protected double step(double lastReward, double[] nextState, boolean episodeDone, boolean training) {
    state = nextState;
    reward = lastReward;
    done = episodeDone;
    return multiplier();
  }

  @Override
  public double[] policy() {
    return new double[0];
  }

  @Override
  public void loadPolicy(double[] policy) {
    throw new UnsupportedOperationException("an external learner's policy lives in its client");
  }

  @Override
  protected void writeLearner(StateWriter w) {
    w.putArray(state == null ? new double[0] : state).put(reward).put(done ? 1 : 0);
  }

  @Override
  protected void readLearner(StateReader r) {
    state = r.getArray(-1);
    reward = r.get();
    done = r.get() != 0;
  }
}
