package org.bidarena.agents.ctr;

import java.nio.file.Path;
import java.util.List;
import org.bidarena.agents.BidContext;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.StrategyEntry;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioException;
import org.bidarena.core.scenario.Setting;
import org.bidarena.learning.ctr.CtrModel;
import org.bidarena.learning.ctr.ModelFile;
import org.bidarena.learning.ctr.ModelFileException;

/**
 * Bids by a click model's pCTR of each auction ({@code bidarena ctr train --format run}), in one of two ways:
 * <ul>
 *   <li>{@code pctr}: base bid x pCTR / average CTR (Lin et al., "Combining powers of two predictors", the
 *       linear bidding of the iPinYou benchmark), the average being the model's training click rate unless
 *       {@code average-ctr} gives one;
 *   <li>{@code pctr-value}: the impression's expected value, pCTR x pCVR x order value x lambda.
 * </ul>
 * The model is read once, when the agent's strategy is built (once per Bidder), and never learns during the
 * run: a bid is a pure function of the row, so the strategy has no state to checkpoint. The scenario loader
 * refuses a model file that is unreadable, corrupt, or made for a feature layout other than this scenario's
 * bidders see ({@link RunFeatures#fits}).
 */
public final class PctrStrategy implements BiddingStrategy {
  private final CtrModel model;
  private final RunFeatures features;
  private final String agentId;
  private final double microsPerPctr;
  private final String[] values = new String[RunFeatures.FIELDS.size()];

  /** @param microsPerPctr the bid in micros per impression for pCTR 1 (the bid is linear in pCTR) */
  PctrStrategy(CtrModel model, Scenario scenario, String agentId, double microsPerPctr) {
    this.model = model;
    this.features = new RunFeatures(scenario);
    this.agentId = agentId;
    this.microsPerPctr = microsPerPctr;
  }

  /** The model's click probability of the context's row, as this agent would win it. */
  public double pctr(BidContext c) {
    features.fill(values, agentId, c.stage(), c.region(), c.device(), c.interests(), c.valueTier(), c.tick(),
        c.frequencyToday(), c.ticksSinceLastImpression(), c.ticksSinceLastClick());
    return model.predict(values);
  }

  @Override
  public long bid(BidContext context) {
    return Math.round(pctr(context) * microsPerPctr);
  }

  static final String MODEL = "model";

  static Setting modelSetting() {
    return Setting.text(MODEL, "path", "the click model file made by 'bidarena ctr train --format run'");
  }

  /** Reads the agent's model file, refusing one that cannot serve this scenario's bidders, as a scenario error. */
  static CtrModel load(AgentSpec agent, Scenario scenario) {
    String file = agent.settings().string(MODEL);
    String key = "agents." + agent.id() + "." + MODEL + " = \"" + file + "\"";
    CtrModel m;
    try {
      m = ModelFile.load(Path.of(file));
    } catch (ModelFileException | java.nio.file.InvalidPathException e) {
      throw new ScenarioException(key + ": " + e.getMessage());
    }
    if (!RunFeatures.fits(m.layout(), scenario)) {
      throw new ScenarioException(key + ": the model was made for the feature layout " + m.layout().describe()
          + ", but this scenario's bidders see " + RunFeatures.layoutName(scenario.customers().features())
          + " with fields " + String.join(",", RunFeatures.FIELDS) + "; train one on a run of this scenario");
    }
    if (m.ftrl().examples() == 0) {
      throw new ScenarioException(key + ": the model has learnt no examples");
    }
    return m;
  }

  /** {@code pctr}: bid-cpm x pCTR / average-ctr. */
  public static final class Linear implements StrategyEntry {
    @Override
    public String name() {
      return "pctr";
    }

    @Override
    public List<Setting> settings() {
      return List.of(modelSetting(),
          Setting.cpm("bid-cpm", 1_000_000, "bidding.base-cpm", "the bid for an impression of average CTR"),
          Setting.number("average-ctr", 0, 1, 0, "probability",
              "the CTR that earns bid-cpm; 0 = the model's training click rate"));
    }

    @Override
    public void check(AgentSpec agent, Scenario scenario) {
      load(agent, scenario);
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      CtrModel m = load(agent, scenario);
      double average = agent.settings().number("average-ctr");
      if (average == 0) {
        average = m.ftrl().trainingCtr();
      }
      return new PctrStrategy(m, scenario, agent.id(), agent.settings().micros("bid-cpm") / average);
    }
  }

  /** {@code pctr-value}: pCTR x conversion-rate x order-value x lambda, per impression. */
  public static final class Value implements StrategyEntry {
    @Override
    public String name() {
      return "pctr-value";
    }

    @Override
    public List<Setting> settings() {
      return List.of(modelSetting(),
          Setting.number("conversion-rate", 0, 1, 0.03, "probability", "pCVR: the chance a click ends in a purchase"),
          Setting.positive("order-value", 1_000_000_000, 45.0, "money", "the value of a purchase"),
          Setting.number("lambda", 0, 1000, 1.0, "factor", "the share of the expected value to bid"));
    }

    @Override
    public void check(AgentSpec agent, Scenario scenario) {
      load(agent, scenario);
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      var s = agent.settings();
      return new PctrStrategy(load(agent, scenario), scenario, agent.id(),
          s.number("conversion-rate") * s.number("order-value") * 1_000_000 * s.number("lambda"));
    }
  }
}
