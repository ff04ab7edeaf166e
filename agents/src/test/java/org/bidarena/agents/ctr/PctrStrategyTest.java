package org.bidarena.agents.ctr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.bidarena.agents.BidContext;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Pacing;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioException;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategySettings;
import org.bidarena.learning.ctr.CtrModel;
import org.bidarena.learning.ctr.FeatureLayout;
import org.bidarena.learning.ctr.FtrlSettings;
import org.bidarena.learning.ctr.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PctrStrategyTest {
  private static final Scenario SCENARIO = ScenarioLoader.loadDefault(List.of(), null);
  /** Ten auctions in stages 0..5 and devices 0..2. */
  private static final AuctionBatch AUCTIONS = auctions();

  @TempDir Path dir;

  @Test
  void theModelShouldBeReadOnceAndItsBidsBeAPureFunctionOfTheRow() throws Exception {
    // given a model that learnt stage 2 clicks five times as often as the others
    Path file = dir.resolve("m.ctr");
    ModelFile.save(trained(RunFeatures.layout(SCENARIO, RunFeatures.DEFAULT_CROSSES, 12)), file);
    BiddingStrategy a = build(file, 0);
    // when the file is gone, the built strategy still bids: it read the model once, when built
    Files.delete(file);
    long[] first = bids(a);
    // then the same rows get the same bids again, and a second strategy from the same model agrees
    assertThat(bids(a)).containsExactly(first);
    ModelFile.save(trained(RunFeatures.layout(SCENARIO, RunFeatures.DEFAULT_CROSSES, 12)), file);
    assertThat(bids(build(file, 0))).containsExactly(first);
    // and the stage the model favours is bid up, the others down (base 2.00 CPM = 2000 micros at average CTR)
    assertThat(first[2]).isGreaterThan(first[1]).isGreaterThan(0);
    assertThat(first[2]).isGreaterThan(2000);
    assertThat(first[1]).isLessThan(2000);
    assertThat(a.state()).isEmpty();
  }

  @Test
  void anExplicitAverageCtrShouldScaleTheBid() throws Exception {
    Path file = dir.resolve("m.ctr");
    CtrModel m = trained(RunFeatures.layout(SCENARIO, RunFeatures.DEFAULT_CROSSES, 12));
    ModelFile.save(m, file);
    double training = m.ftrl().trainingCtr();
    long[] byModel = bids(build(file, 0));
    long[] halved = bids(build(file, training * 2));
    for (int i = 0; i < byModel.length; i++) {
      assertThat((double) halved[i]).isCloseTo(byModel[i] / 2.0, org.assertj.core.api.Assertions.within(1.0));
    }
  }

  @Test
  void aModelForOtherVisibleFeaturesOrFieldsShouldBeRefusedAtScenarioLoad() throws Exception {
    Path file = dir.resolve("m.ctr");
    FeatureLayout otherVisibility = FeatureLayout.of("run[region]", RunFeatures.FIELDS, List.of(), 12);
    ModelFile.save(trained(otherVisibility), file);
    AgentSpec agent = agent(file, 0);
    assertThatThrownBy(() -> new PctrStrategy.Linear().check(agent, SCENARIO)).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("agents.pctr.model = \"" + file + "\": the model was made for the feature layout run[region]")
        .hasMessageContaining("this scenario's bidders see run[region,device,interests]");
    Files.writeString(file, "not a model");
    assertThatThrownBy(() -> new PctrStrategy.Value().check(agent, SCENARIO)).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("is not a whole BidArena CTR model");
  }

  @Test
  void theValueBidShouldBePctrTimesCvrTimesOrderValueTimesLambda() throws Exception {
    Path file = dir.resolve("m.ctr");
    ModelFile.save(trained(RunFeatures.layout(SCENARIO, RunFeatures.DEFAULT_CROSSES, 12)), file);
    AgentSpec agent = new AgentSpec("pctr", "pctr-value", 100_000_000, Pacing.EVEN, 3, 1.0, 63, new StrategySettings(
        List.of(StrategySettings.Value.ofText("model", file.toString()),
            new StrategySettings.Value("conversion-rate", Setting.Type.NUMBER, 0.05),
            new StrategySettings.Value("order-value", Setting.Type.POSITIVE, 40.0),
            new StrategySettings.Value("lambda", Setting.Type.NUMBER, 0.5))));
    PctrStrategy s = (PctrStrategy) new PctrStrategy.Value().build(agent, 0, SCENARIO, new SeededStreams(1));
    BidContext c = context(2);
    assertThat(s.bid(c)).isEqualTo(Math.round(s.pctr(c) * 0.05 * 40 * 1_000_000 * 0.5));
  }

  private static CtrModel trained(FeatureLayout layout) {
    CtrModel m = new CtrModel(layout, new FtrlSettings(0.3, 1, 0, 1));
    RunFeatures f = new RunFeatures(SCENARIO);
    SplittableRandom rng = new SplittableRandom(11);
    String[] v = new String[RunFeatures.FIELDS.size()];
    for (int i = 0; i < 40_000; i++) {
      int stage = rng.nextInt(6);
      f.fill(v, "pctr", stage, rng.nextInt(10), rng.nextInt(3), rng.nextInt(64), 0, rng.nextInt(96), 0, -1, -1);
      m.learn(v, rng.nextDouble() < (stage == 2 ? 0.05 : 0.01) ? 1 : 0);
    }
    return m;
  }

  private static BiddingStrategy build(Path file, double averageCtr) {
    return new PctrStrategy.Linear().build(agent(file, averageCtr), 0, SCENARIO, new SeededStreams(1));
  }

  private static AgentSpec agent(Path file, double averageCtr) {
    return new AgentSpec("pctr", "pctr", 100_000_000, Pacing.EVEN, 3, 1.0, 63, new StrategySettings(List.of(
        StrategySettings.Value.ofText("model", file.toString()),
        new StrategySettings.Value("bid-cpm", Setting.Type.CPM, 2_000L),
        new StrategySettings.Value("average-ctr", Setting.Type.NUMBER, averageCtr))));
  }

  private static long[] bids(BiddingStrategy s) {
    long[] out = new long[AUCTIONS.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.bid(context(i));
    }
    return out;
  }

  private static BidContext context(int row) {
    return BidContext.of(40, 0, AUCTIONS, row, 0, VisitBatch.NEVER, VisitBatch.NEVER, 1_000_000, 50, 500);
  }

  private static AuctionBatch auctions() {
    int n = 10;
    int[] customers = new int[n];
    byte[] stages = new byte[n];
    byte[] device = new byte[n];
    for (int i = 0; i < n; i++) {
      customers[i] = 100 + i;
      stages[i] = (byte) (i % 6);
      device[i] = (byte) (i % 3);
    }
    return new AuctionBatch(customers, stages, new short[n], device, new int[n], new byte[n]);
  }
}
