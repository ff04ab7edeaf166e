package org.bidarena.agents.learning;

import java.util.List;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategySettings;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;
import org.bidarena.learning.bandit.GaussianThompson;

/**
 * Thompson sampling over a grid of bid multipliers: it holds a sampled multiplier for {@code ticks-per-pull}
 * ticks and credits that arm with the profit of those ticks (attributed revenue arrives late, so a longer pull
 * credits the arm with more of its own results). Frozen, it plays the arm of highest posterior mean.
 */
public final class BanditStrategy extends LearnerStrategy {
  private final double[] multipliers;
  private final int ticksPerPull;
  private final GaussianThompson bandit;
  private int arm;
  private int heldTicks;
  private double pullReward;

  public BanditStrategy(AgentSpec agent, Scenario scenario, StrategySettings s, long seed, boolean training) {
    super(agent, scenario, s.number("max-multiplier"), training);
    this.multipliers = grid(s.number("min-multiplier"), s.number("max-multiplier"), (int) s.integer("arms"));
    this.ticksPerPull = (int) s.integer("ticks-per-pull");
    this.bandit = new GaussianThompson(multipliers.length, s.number("prior-count"), seed);
    startEpisode();
  }

  @Override
  public String algorithm() {
    return "bandit";
  }

  @Override
  protected double begin(double[] state, boolean training) {
    heldTicks = 0;
    pullReward = 0;
    arm = training ? bandit.choose() : bandit.best();
    return multipliers[arm];
  }

  @Override
  protected double step(double reward, double[] nextState, boolean done, boolean training) {
    pullReward += reward;
    heldTicks++;
    if (heldTicks < ticksPerPull && !done) {
      return multipliers[arm];
    }
    if (training) {
      bandit.update(arm, pullReward / heldTicks);
    }
    return begin(nextState, training);
  }

  @Override
  public double[] policy() {
    return bandit.state();
  }

  @Override
  public void loadPolicy(double[] policy) {
    bandit.restore(policy);
    startEpisode();
  }

  @Override
  protected void writeLearner(StateWriter w) {
    w.put(arm).put(heldTicks).put(pullReward).putArray(bandit.state());
  }

  @Override
  protected void readLearner(StateReader r) {
    arm = r.getInt();
    heldTicks = r.getInt();
    pullReward = r.get();
    bandit.restore(r.getArray(-1));
  }

  /** The catalog entry {@code bandit}. */
  public static final class Entry extends LearnerEntry {
    public Entry() {
      super("bandit");
    }

    @Override
    public List<Setting> settings() {
      return List.of(
          Setting.number("min-multiplier", 0.01, 100, 0.25, "x bidding.base-cpm", "the lowest arm"),
          Setting.number("max-multiplier", 0.01, 100, 3.0, "x bidding.base-cpm", "the highest arm"),
          Setting.integer("arms", 1, 64, 9, "multipliers", "the arms, spaced evenly in log"),
          Setting.integer("ticks-per-pull", 1, 100_000, 12, "ticks", "how long a sampled arm is played"),
          Setting.positive("prior-count", 1000, 1, "pulls", "the weight of the prior mean 0 of each arm"));
    }

    @Override
    public List<AtMost> orderings() {
      return List.of(new AtMost("min-multiplier", "max-multiplier"));
    }

    @Override
    public LearnerStrategy create(AgentSpec agent, Scenario scenario, StrategySettings settings, long seed,
        boolean training) {
      return new BanditStrategy(agent, scenario, settings, seed, training);
    }
  }
}
