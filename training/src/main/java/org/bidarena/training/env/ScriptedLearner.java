package org.bidarena.training.env;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.bidarena.agents.learning.LearnerStrategy;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;

/**
 * A learner that plays a fixed multiplier per tick and writes down what its hooks are given: the Java
 * training path's own view of an episode (states and rewards), against which the step server is checked.
 */
public final class ScriptedLearner extends LearnerStrategy {
  private final LongToDoubleFunction multiplierAt;
  private final List<double[]> states = new ArrayList<>();
  private final List<Double> rewards = new ArrayList<>();
  private long nextTick;

  /** @param multiplierAt the multiplier of tick t */
  public ScriptedLearner(AgentSpec agent, Scenario scenario, double maxMultiplier, LongToDoubleFunction multiplierAt) {
    super(agent, scenario, maxMultiplier, true);
    this.multiplierAt = multiplierAt;
  }

  /** The state before each tick (the first from the episode's start), and the one after the last. */
  public List<double[]> states() {
    return states;
  }

  /** The reward of each settled tick. */
  public List<Double> rewards() {
    return rewards;
  }

  @Override
  public String algorithm() {
    return "scripted";
  }

  @Override
  protected double begin(double[] state, boolean training) {
    states.clear();
    rewards.clear();
    states.add(state);
    nextTick = 0;
    return multiplierAt.applyAsDouble(nextTick++);
  }

  @Override
  protected double step(double reward, double[] nextState, boolean done, boolean training) {
    states.add(nextState);
    rewards.add(reward);
    return multiplierAt.applyAsDouble(nextTick++);
  }

  @Override
  public double[] policy() {
    return new double[0];
  }

  @Override
  public void loadPolicy(double[] policy) {
    throw new UnsupportedOperationException("a scripted learner has no policy");
  }

  @Override
  protected void writeLearner(StateWriter w) {
    w.putLong(nextTick);
  }

  @Override
  protected void readLearner(StateReader r) {
    nextTick = r.getLong();
  }
}
