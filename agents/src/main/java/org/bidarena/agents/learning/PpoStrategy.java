package org.bidarena.agents.learning;

import java.util.List;
import org.bidarena.agents.TickSettlement;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategySettings;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;
import org.bidarena.learning.rl.Ppo;

/**
 * PPO with a continuous action: the log of the bid multiplier for the next tick, within [min, max], from the
 * {@link MarketObservation} state. The reward is chosen by {@code reward}: 0 = profit (revenue x margin -
 * spend), 1 = clicks (the pacer keeps spend under the budget, so this is clicks under a budget), 2 = revenue
 * above a target ROAS (revenue - target-roas x spend). Every reward is scaled by the tick's budget share.
 */
public final class PpoStrategy extends LearnerStrategy {
  private final Ppo ppo;
  private final int rewardKind;
  private final double targetRoas;
  private final double minMultiplier;
  private final boolean perStage;
  private final double offBelow;
  private final String algorithm;
  private final int workers;

  public PpoStrategy(AgentSpec agent, Scenario scenario, StrategySettings s, long seed, boolean training) {
    this("ppo", 1, agent, scenario, s, seed, training);
  }

  PpoStrategy(String algorithm, int workers, AgentSpec agent, Scenario scenario, StrategySettings s, long seed,
      boolean training) {
    super(agent, scenario, s.number("max-multiplier"), training);
    this.algorithm = algorithm;
    this.workers = workers;
    this.minMultiplier = s.number("min-multiplier");
    this.perStage = s.integer("per-stage") == 1;
    this.offBelow = s.number("off-below");
    this.rewardKind = (int) s.integer("reward");
    this.targetRoas = s.number("target-roas");
    this.ppo = new Ppo(new Ppo.Config(MarketObservation.DIM, perStage ? Stage.COUNT : 1, (int) s.integer("hidden"), s.number("learning-rate"),
        s.number("gamma"), s.number("gae-lambda"), s.number("clip"), (int) s.integer("epochs"),
        (int) s.integer("minibatch"), (int) s.integer("rollout"), StrictMath.log(s.number("initial-std")),
        StrictMath.log(minMultiplier), StrictMath.log(s.number("max-multiplier"))), seed);
    startEpisode();
  }

  @Override
  public String algorithm() {
    return algorithm;
  }

  @Override
  public int workers() {
    return workers;
  }

  @Override
  public double[] sharedWeights() {
    return ppo.weights();
  }

  @Override
  public void setSharedWeights(double[] weights) {
    ppo.setWeights(weights);
  }

  @Override
  protected double reward(TickSettlement s, double profitReward) {
    return switch (rewardKind) {
      case 1 -> s.clicks();
      case 2 -> observation.perTickBudget(s.revenueMicros() - targetRoas * s.spendMicros());
      default -> profitReward;
    };
  }

  @Override
  protected double begin(double[] state, boolean training) {
    double[] action = training ? ppo.explore(state) : ppo.mean(state);
    if (!perStage) {
      return StrictMath.exp(action[0]);
    }
    // One multiplier per stage; a stage pushed below off-below gets no bid. The mean is what it reports.
    double[] m = new double[action.length];
    double sum = 0;
    for (int j = 0; j < m.length; j++) {
      double v = StrictMath.exp(action[j]);
      m[j] = v < offBelow ? 0 : v;
      sum += m[j];
    }
    setStageMultipliers(m);
    return sum / m.length;
  }

  @Override
  protected double step(double reward, double[] nextState, boolean done, boolean training) {
    if (training) {
      ppo.reward(reward, nextState, done);
    }
    return begin(nextState, training);
  }

  @Override
  public double[] policy() {
    return ppo.actor().parameters().clone();
  }

  @Override
  public void loadPolicy(double[] policy) {
    ppo.actor().setParameters(policy);
    startEpisode();
  }

  @Override
  protected void writeLearner(StateWriter w) {
    w.putArray(ppo.state());
  }

  @Override
  protected void readLearner(StateReader r) {
    ppo.restore(r.getArray(-1));
  }

  /** The catalog entry {@code ppo}. */
  public static final class Entry extends LearnerEntry {
    public Entry() {
      super("ppo");
    }

    @Override
    public List<Setting> settings() {
      return common(384, 4, 0.2, 0);
    }

    /** The settings PPO and A3C share, with their own rollout, epochs and clip defaults. */
    static List<Setting> common(int rollout, int epochs, double clip, int perStage) {
      return List.of(
          Setting.number("min-multiplier", 0.01, 100, 0.25, "x bidding.base-cpm", "the lowest multiplier"),
          Setting.number("max-multiplier", 0.01, 100, 3.0, "x bidding.base-cpm", "the highest multiplier"),
          Setting.integer("reward", 0, 2, 0, "0, 1 or 2", "0 = profit, 1 = clicks, 2 = revenue above target-roas"),
          Setting.integer("per-stage", 0, 1, perStage, "0 or 1", "1 = one multiplier per customer stage instead of one for all"),
          Setting.number("off-below", 0, 100, 0.3, "x bidding.base-cpm",
              "with per-stage, a stage whose multiplier falls below this gets no bid"),
          Setting.positive("target-roas", 1000, 3.0, "revenue / spend", "the ROAS that reward 2 counts from"),
          Setting.integer("hidden", 1, 1024, 32, "units", "the width of each of the two hidden layers"),
          Setting.positive("learning-rate", 1, 0.0003, "Adam step", "the optimiser's learning rate"),
          Setting.number("gamma", 0, 1, 0.98, "per tick", "the discount of future rewards"),
          Setting.number("gae-lambda", 0, 1, 0.95, "", "the GAE trace parameter"),
          Setting.positive("clip", 1000, clip, "", "the surrogate objective's clip range"),
          Setting.integer("epochs", 1, 100, epochs, "passes", "passes over each rollout"),
          Setting.integer("minibatch", 1, 100_000, 64, "steps", "the mini-batch of each update"),
          Setting.integer("rollout", 2, 1_000_000, rollout, "ticks", "the steps collected before an update"),
          Setting.positive("initial-std", 10, 0.5, "log-multiplier", "the exploration spread at the start"));
    }

    @Override
    public List<AtMost> orderings() {
      return List.of(new AtMost("min-multiplier", "max-multiplier"));
    }

    @Override
    public LearnerStrategy create(AgentSpec agent, Scenario scenario, StrategySettings settings, long seed,
        boolean training) {
      return new PpoStrategy(agent, scenario, settings, seed, training);
    }
  }

  /** The catalog entry {@code ppo-stages}: PPO with one multiplier per customer stage (per-stage = 1). */
  public static final class StagesEntry extends LearnerEntry {
    public StagesEntry() {
      super("ppo-stages");
    }

    @Override
    public List<Setting> settings() {
      return Entry.common(384, 4, 0.2, 1);
    }

    @Override
    public List<AtMost> orderings() {
      return List.of(new AtMost("min-multiplier", "max-multiplier"));
    }

    @Override
    public LearnerStrategy create(AgentSpec agent, Scenario scenario, StrategySettings settings, long seed,
        boolean training) {
      return new PpoStrategy("ppo-stages", 1, agent, scenario, settings, seed, training);
    }
  }
}
