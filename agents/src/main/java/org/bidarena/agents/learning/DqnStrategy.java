package org.bidarena.agents.learning;

import java.util.List;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategySettings;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;
import org.bidarena.learning.rl.Dqn;

/**
 * DRLB-style DQN (Wu et al. 2018): once per tick it picks the bid scale lambda from a grid of multipliers,
 * given the {@link MarketObservation} state; the reward is the tick's profit. Settings are the grid and the
 * learner's hyper-parameters.
 */
public final class DqnStrategy extends LearnerStrategy {
  private final double[] multipliers;
  private final Dqn dqn;
  private double[] lastState;
  private int lastAction;

  public DqnStrategy(AgentSpec agent, Scenario scenario, StrategySettings s, long seed, boolean training) {
    super(agent, scenario, s.number("max-multiplier"), training);
    this.multipliers = grid(s.number("min-multiplier"), s.number("max-multiplier"), (int) s.integer("actions"));
    this.dqn = new Dqn(new Dqn.Config(MarketObservation.DIM, multipliers.length, (int) s.integer("hidden"),
        s.number("learning-rate"), s.number("gamma"), 1.0, s.number("epsilon-end"), s.integer("epsilon-decay-ticks"),
        (int) s.integer("batch"), (int) s.integer("replay"), (int) s.integer("target-sync")), seed);
    startEpisode();
  }

  @Override
  public String algorithm() {
    return "dqn";
  }

  @Override
  protected double begin(double[] state, boolean training) {
    lastState = state;
    lastAction = dqn.act(state, training);
    return multipliers[lastAction];
  }

  @Override
  protected double step(double reward, double[] nextState, boolean done, boolean training) {
    if (training) {
      dqn.observe(lastState, lastAction, reward, nextState, done);
    }
    return begin(nextState, training);
  }

  @Override
  public double[] policy() {
    return dqn.network().parameters().clone();
  }

  @Override
  public void loadPolicy(double[] policy) {
    dqn.network().setParameters(policy);
    startEpisode();
  }

  @Override
  protected void writeLearner(StateWriter w) {
    w.putArray(lastState).put(lastAction).putArray(dqn.state());
  }

  @Override
  protected void readLearner(StateReader r) {
    lastState = r.getArray(MarketObservation.DIM);
    lastAction = r.getInt();
    dqn.restore(r.getArray(-1));
  }

  /** The catalog entry {@code dqn}: learns online in any run; {@code bidarena train --algo dqn} trains it. */
  public static final class Entry extends LearnerEntry {
    public Entry() {
      super("dqn");
    }

    @Override
    public List<Setting> settings() {
      return List.of(
          Setting.number("min-multiplier", 0.01, 100, 0.25, "x bidding.base-cpm", "the lowest bid scale lambda"),
          Setting.number("max-multiplier", 0.01, 100, 3.0, "x bidding.base-cpm", "the highest bid scale lambda"),
          Setting.integer("actions", 2, 64, 9, "multipliers", "the grid of lambdas, spaced evenly in log"),
          Setting.integer("hidden", 1, 1024, 32, "units", "the width of each of the two hidden layers"),
          Setting.positive("learning-rate", 1, 0.001, "Adam step", "the optimiser's learning rate"),
          Setting.number("gamma", 0, 1, 0.98, "per tick", "the discount of future rewards"),
          Setting.number("epsilon-end", 0, 1, 0.05, "probability", "the exploration rate after the decay"),
          Setting.integer("epsilon-decay-ticks", 1, 100_000_000, 20_000, "ticks",
              "the ticks over which exploration falls from 1 to epsilon-end"),
          Setting.integer("batch", 1, 4096, 32, "transitions", "the mini-batch of each update"),
          Setting.integer("replay", 1, 1_000_000, 5_000, "transitions", "the replay buffer's capacity"),
          Setting.integer("target-sync", 1, 1_000_000, 500, "updates", "how often the target network is copied"));
    }

    @Override
    public List<AtMost> orderings() {
      return List.of(new AtMost("min-multiplier", "max-multiplier"));
    }

    @Override
    public LearnerStrategy create(AgentSpec agent, Scenario scenario, StrategySettings settings, long seed,
        boolean training) {
      return new DqnStrategy(agent, scenario, settings, seed, training);
    }
  }
}
