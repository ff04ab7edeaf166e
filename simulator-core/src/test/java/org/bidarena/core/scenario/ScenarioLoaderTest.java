package org.bidarena.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bidarena.core.scenario.FeatureSpec;
import java.util.stream.Stream;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The loader's rules, with a stand-in catalog; the real strategies' rules are tested in the agents module. */
class ScenarioLoaderTest {
  private static final int ALL_STAGES = (1 << Stage.COUNT) - 1;
  private static final StrategyCatalog CATALOG = TestCatalog.standIn();

  @TempDir Path dir;

  @Test
  void loadDefaultShouldHaveSixAgentsSortedById() {
    // when
    Scenario s = load(List.of());

    // then
    assertThat(s.agents()).extracting(AgentSpec::id)
        .containsExactly("adaptive", "aggressive", "conservative", "fixed", "random", "retargeting");
  }

  @Test
  void loadDefaultShouldReadTheDocumentedValues() {
    // when
    Scenario s = load(List.of());

    // then
    assertThat(s.name()).isEqualTo("default");
    assertThat(s.seed()).isEqualTo(42L);
    assertThat(s.days()).isEqualTo(7);
    assertThat(s.ticksPerDay()).isEqualTo(96);
    assertThat(s.shards()).isEqualTo(8);
    assertThat(s.partitions()).isEqualTo(2);
    assertThat(s.checkpointEveryTicks()).isEqualTo(96);
    assertThat(s.reporting().marginPpm()).isEqualTo(300_000L);
    CustomerModelSpec c = s.customers();
    assertThat(c.count()).isEqualTo(10_000);
    assertThat(c.initialMix().get(Stage.AWARENESS)).isEqualTo(0.40);
    assertThat(c.initialMix().get(Stage.CHURN_RISK)).isEqualTo(0.02);
    assertThat(c.visitsPerDay().get(Stage.CONSIDERATION)).isEqualTo(4.0);
    assertThat(c.diurnalAmplitude()).isEqualTo(0.5);
    assertThat(c.peakHour()).isEqualTo(20);
    assertThat(c.baseCtr()).isEqualTo(0.0052);
    assertThat(c.ctrStageFactor().get(Stage.CONSIDERATION)).isEqualTo(1.5);
    assertThat(c.fatigueThreshold()).isEqualTo(5);
    assertThat(c.fatigueDrop()).isEqualTo(0.30);
    assertThat(c.retargetingLift()).isEqualTo(1.5);
    assertThat(c.features().regions()).hasSize(10).first().isEqualTo("02139");
    assertThat(c.features().interests()).containsExactly(
        "experiences", "premium", "retail", "schools", "sustainability", "transit");
    assertThat(c.features().deviceWeights()).containsExactly(0.60, 0.32, 0.08);
    assertThat(c.features().visibleMask()).isEqualTo(FeatureSpec.REGION | FeatureSpec.DEVICE | FeatureSpec.INTERESTS);
    assertThat(c.demand().dayOfWeek()).hasSize(7);
    assertThat(c.attributionWindowDays()).isEqualTo(1);
    assertThat(c.orderValueMeanMicros()).isEqualTo(45_000_000L);
    assertThat(c.orderValueSigma()).isEqualTo(0.5);
    assertThat(c.transitions().clickToInterest()).isEqualTo(0.6);
    assertThat(c.transitions().clickToConsideration()).isEqualTo(0.4);
    assertThat(c.transitions().churnRiskClickToConsideration()).isEqualTo(0.3);
  }

  @Test
  void loadDefaultShouldConvertMoneyToMicrosExactly() {
    // when
    Scenario s = load(List.of());

    // then
    assertThat(agent(s, "aggressive").dailyBudgetMicros()).isEqualTo(12_000_000L);
    assertThat(agent(s, "random").dailyBudgetMicros()).isEqualTo(6_000_000L);
    assertThat(s.baseBidMicros()).isEqualTo(2_000L);
    assertThat(s.auction()).isEqualTo(new AuctionSpec(AuctionType.SECOND_PRICE, 500L, 100L, 20_000L));
  }

  @Test
  void loadDefaultShouldApplyAgentDefaultsAndStrategyDefaults() {
    // when
    Scenario s = load(List.of("agents.tuned-one = { strategy = tuned }"));

    // then
    AgentSpec aggressive = agent(s, "aggressive");
    assertThat(aggressive.strategy()).isEqualTo("aggressive");
    assertThat(aggressive.pacing()).isEqualTo(Pacing.EVEN);
    assertThat(aggressive.frequencyCap()).isEqualTo(8);
    assertThat(aggressive.relevance()).isEqualTo(1.0);
    assertThat(aggressive.stageMask()).isEqualTo(ALL_STAGES);
    assertThat(aggressive.settings().number("multiplier")).isEqualTo(1.0);

    AgentSpec tuned = agent(s, "tuned-one");
    assertThat(tuned.stageMask()).isEqualTo((1 << Stage.PURCHASE.ordinal()) | (1 << Stage.RETENTION.ordinal()));
    assertThat(tuned.settings().values()).extracting(StrategySettings.Value::key)
        .containsExactly("level", "rate", "low", "high", "price-cpm");
    assertThat(tuned.settings().integer("level")).isEqualTo(3L);
    assertThat(tuned.settings().number("rate")).isEqualTo(2.5);
    assertThat(tuned.settings().micros("price-cpm")).as("the default is bidding.base-cpm").isEqualTo(2_000L);
  }

  @Test
  void agentDefaultsShouldServeTheSettingsOfEveryStrategy() {
    // when
    Scenario s = load(List.of("agents.t = { strategy = tuned }", "agent-defaults.level = 7",
        "agent-defaults.multiplier = 2"));

    // then
    assertThat(agent(s, "t").settings().integer("level")).isEqualTo(7L);
    assertThat(agent(s, "t").settings().has("multiplier")).isFalse();
    assertThat(agent(s, "fixed").settings().number("multiplier")).isEqualTo(2.0);
  }

  @Test
  void anEmptyCatalogShouldRefuseEveryStrategyInOneLine() {
    assertThatThrownBy(() -> ScenarioLoader.loadDefault(List.of(), null, StrategyCatalog.of(List.of())))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("agents.adaptive.strategy = \"adaptive\": unknown strategy, no strategy is installed");
  }

  @Test
  void aCatalogShouldRefuseAStrategyNamedTwiceOrASettingNamedLikeACommonKey() {
    // given
    StrategyDeclaration a = new TestCatalog.Tuned();
    StrategyDeclaration stagesSetting = new StrategyDeclaration() {
      @Override
      public String name() {
        return "odd";
      }

      @Override
      public List<Setting> settings() {
        return List.of(Setting.integer("stages", 1, 2, 1, "", ""));
      }
    };

    // when then
    assertThatThrownBy(() -> StrategyCatalog.of(List.of(a, new TestCatalog.Tuned())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("tuned is declared twice");
    assertThatThrownBy(() -> StrategyCatalog.of(List.of(stagesSetting)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("stages");
  }

  @Test
  void aCatalogShouldRefuseADefaultOutsideItsSettingsRange() {
    // given
    StrategyDeclaration badDefault = new StrategyDeclaration() {
      @Override
      public String name() {
        return "bad-default";
      }

      @Override
      public List<Setting> settings() {
        return List.of(Setting.number("multiplier", 0.01, 100, 0, "", ""));
      }
    };

    // when then
    assertThatThrownBy(() -> StrategyCatalog.of(List.of(badDefault)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("default outside its range");
  }

  @Test
  void setShouldOverrideAuctionTypeAndCustomerCount() {
    // when
    Scenario s = load(List.of("auction.type=first-price", "customers.count = 500"));

    // then
    assertThat(s.auction().type()).isEqualTo(AuctionType.FIRST_PRICE);
    assertThat(s.customers().count()).isEqualTo(500);
    assertThat(s.days()).isEqualTo(7);
  }

  @Test
  void setShouldEditOneDefaultAgentAndKeepTheOthers() {
    // when
    Scenario s = load(List.of("agents.adaptive.multiplier=2.5"));

    // then
    assertThat(s.agentCount()).isEqualTo(6);
    assertThat(agent(s, "adaptive").settings().number("multiplier")).isEqualTo(2.5);
    assertThat(agent(s, "fixed").settings().number("multiplier")).isEqualTo(1.0);
  }

  @Test
  void userFileAgentsShouldReplaceTheDefaultAgentsAndKeepAgentDefaults() throws IOException {
    // given
    Path file = write("agents { solo { strategy = tuned, price-cpm = 1.5 } }\nagent-defaults.frequency-cap = 3\n");

    // when
    Scenario s = ScenarioLoader.load(file, List.of(), null, CATALOG);

    // then
    assertThat(s.agents()).extracting(AgentSpec::id).containsExactly("solo");
    AgentSpec solo = s.agents().get(0);
    assertThat(solo.settings().micros("price-cpm")).isEqualTo(1_500L);
    assertThat(solo.dailyBudgetMicros()).isEqualTo(10_000_000L);
    assertThat(solo.frequencyCap()).isEqualTo(3);
    assertThat(s.customers().count()).isEqualTo(10_000);
  }

  @Test
  void setShouldEditTheAgentsOfAUserFile() throws IOException {
    // given
    Path file = write("agents { b { strategy = tuned }, a { strategy = conservative } }\n");

    // when
    Scenario s = ScenarioLoader.load(file, List.of("agents.b.rate=2.5"), null, CATALOG);

    // then
    assertThat(s.agents()).extracting(AgentSpec::id).containsExactly("a", "b");
    assertThat(agent(s, "b").settings().number("rate")).isEqualTo(2.5);
  }

  @Test
  void setOfTheWholeAgentsKeyShouldReplaceTheAgents() {
    // when
    Scenario s = load(List.of("agents = { x { strategy = random, stages = [purchase] } }"));

    // then
    assertThat(s.agents()).extracting(AgentSpec::id).containsExactly("x");
    assertThat(s.agents().get(0).stageMask()).isEqualTo(1 << Stage.PURCHASE.ordinal());
  }

  @Test
  void seedOverrideShouldReplaceTheSeed() {
    // when
    Scenario s = ScenarioLoader.loadDefault(List.of("seed=7"), -123L, CATALOG);

    // then
    assertThat(s.seed()).isEqualTo(-123L);
    assertThat(s.withSeed(42L)).isEqualTo(load(List.of()));
  }

  @Test
  void renderShouldReadBackToTheDefaultScenario() throws IOException {
    // given
    Scenario original = load(List.of());

    // when
    Scenario back = ScenarioLoader.load(write(ScenarioLoader.render(original)), List.of(), null, CATALOG);

    // then
    assertThat(back).isEqualTo(original);
  }

  @Test
  void renderShouldReadBackToAModifiedScenario() throws IOException {
    // given
    Scenario original = load(List.of(
        "name = \"run \\\"42\\\" with spaces\"",
        "seed = -9223372036854775808",
        "customers.ctr.base = 0.000123456789",
        "customers.order-value.mean = 0.123456",
        "auction.reserve-cpm = 0.005",
        "reporting.margin = 0.125",
        "agents = { z { strategy = tuned, stages = [churn-risk, awareness], low = 0.3, price-cpm = 0.125 },"
            + " y-1 { strategy = fixed, daily-budget = 1234567.891011, pacing = asap, multiplier = 0.37 } }"));

    // when
    String text = ScenarioLoader.render(original);
    Scenario back = ScenarioLoader.load(write(text), List.of(), null, CATALOG);

    // then
    assertThat(back).isEqualTo(original);
    assertThat(ScenarioLoader.fromConfig(ConfigFactory.parseString(text), CATALOG)).isEqualTo(original);
    assertThat(original.agents().get(0).dailyBudgetMicros()).isEqualTo(1_234_567_891_011L);
    assertThat(original.auction().reserveMicros()).isEqualTo(5L);
    assertThat(original.reporting().marginPpm()).isEqualTo(125_000L);
  }

  @Test
  void fromConfigShouldLayTheConfigOverTheDefault() {
    // when
    Scenario s = ScenarioLoader.fromConfig(ConfigFactory.parseString("time.days = 2"), CATALOG);

    // then
    assertThat(s.days()).isEqualTo(2);
    assertThat(s.agentCount()).isEqualTo(6);
  }

  @Test
  void fromConfigShouldRejectAnUnknownKey() {
    assertThatThrownBy(() -> ScenarioLoader.fromConfig(ConfigFactory.parseString("customers.cout = 5"), CATALOG))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("customers.cout: unknown key (did you mean customers.count?)");
  }

  static Stream<Arguments> badOverrides() {
    return Stream.of(
        bad(List.of("customers.count=-5"), "customers.count = -5: must be an integer from 1 to 100000000"),
        bad(List.of("auction.type=third-price"),
            "auction.type = \"third-price\": must be one of second-price, first-price"),
        bad(List.of("customers.cout=5"), "customers.cout: unknown key (did you mean customers.count?)"),
        bad(List.of("time.days=seven"), "time.days = \"seven\": must be an integer from 1 to 3650"),
        bad(List.of("time.days=2.5"), "time.days = 2.5"),
        bad(List.of("time.ticks-per-day=1441"), "time.ticks-per-day = 1441", "1 to 1440"),
        bad(List.of("seed=abc"), "seed = \"abc\"", "integer"),
        bad(List.of("name=\"\""), "name = \"\"", "non-empty string"),
        bad(List.of("customers.count=10", "customers.shards=20"), "customers.shards = 20", "customers.count"),
        bad(List.of("exchange.partitions=9"), "exchange.partitions = 9", "customers.shards (8)"),
        bad(List.of("customers.initial-mix.awareness=0.5"), "customers.initial-mix = {", "sum to 1"),
        bad(List.of("customers.initial-mix.loyal=0.5"), "customers.initial-mix.loyal: unknown key"),
        bad(List.of("customers.visits-per-day.awareness=97"), "customers.visits-per-day.awareness = 97", "0 to 96"),
        bad(List.of("customers.peak-hour=24"), "customers.peak-hour = 24", "0 to 23"),
        bad(List.of("customers.diurnal-amplitude=1"), "customers.diurnal-amplitude = 1", "0 to 0.99"),
        bad(List.of("customers.ctr=5"), "customers.ctr = 5: must be an object"),
        bad(List.of("customers.ctr.base=true"), "customers.ctr.base = true", "0 to 1"),
        bad(List.of("customers.order-value.mean=0"), "customers.order-value.mean = 0", "above 0"),
        bad(List.of("customers.transitions.click-to-interest=1.5"),
            "customers.transitions.click-to-interest = 1.5", "0 to 1"),
        bad(List.of("customers.features.devices.mobile=0.7"), "customers.features.devices = {", "sum to 1"),
        bad(List.of("customers.features.region-propensity.10001=20"),
            "customers.features.region-propensity.10001 = 20", "0.1 to 10"),
        bad(List.of("customers.features.devices.tablet=0.1"), "customers.features.devices.tablet: unknown key"),
        bad(List.of("customers.features.regions={ \"1234\" = 1 }"), "customers.features.regions.1234",
            "[0-9]{5}"),
        bad(List.of("customers.features.interests.retail=1.5"), "customers.features.interests.retail = 1.5",
            "0 to 1"),
        bad(List.of("customers.features.value-tier-factors=[1, 2]"), "customers.features.value-tier-factors",
            "as many entries as value-tier-weights (3)"),
        bad(List.of("customers.features.propensity-sigma=\"wide\""), "customers.features.propensity-sigma = \"wide\"",
            "0 to 2"),
        bad(List.of("customers.features.visible-to-bidders=[region, income]"),
            "customers.features.visible-to-bidders", "region, device, interests, value-tier"),
        bad(List.of("customers.features.colour=1"), "customers.features.colour: unknown key"),
        bad(List.of("customers.day-of-week.monday=3"), "customers.day-of-week = {", "mean must be 1"),
        bad(List.of("customers.ctr.wear-out-floor=1.2"), "customers.ctr.wear-out-floor = 1.2", "0 to 1"),
        bad(List.of("customers.ctr.fatigue-threshold=128"), "customers.ctr.fatigue-threshold = 128", "1 to 127"),
        bad(List.of("customers.organic.purchase-per-day.awareness=-1"),
            "customers.organic.purchase-per-day.awareness = -1", "0 to 10"),
        bad(List.of("customers.lift.half-life-days=0"), "customers.lift.half-life-days = 0", "above 0"),
        bad(List.of("customers.conversion.base=0.02"), "customers.conversion.base: unknown key"),
        bad(List.of("agents.aggressive.interests=[retail, golf]"), "agents.aggressive.interests",
            "experiences, premium, retail"),
        bad(List.of("agents.aggressive.lift=11"), "agents.aggressive.lift = 11", "0 to 10"),
        bad(List.of("agents.aggressive.creatives=[]"), "agents.aggressive.creatives = []", "1 to 64"),
        bad(List.of("agents.aggressive.creatives=[{ name = a, appeal = 1 }, { name = a, appeal = 2 }]"),
            "agents.aggressive.creatives", "distinct names"),
        bad(List.of("agents.aggressive.creatives=[{ name = a, appeal = 1, size = 3 }]"),
            "agents.aggressive.creatives[0].size: unknown key"),
        bad(List.of("auction.reserve-cpm=25"), "auction.reserve-cpm = 25", "max-bid-cpm"),
        bad(List.of("auction.min-bid-cpm=30"), "auction.min-bid-cpm = 30", "max-bid-cpm"),
        bad(List.of("bidding.base-cpm=2.0005"), "bidding.base-cpm = 2.0005", "3 decimal places"),
        bad(List.of("journal.checkpoint-every-ticks=-1"), "journal.checkpoint-every-ticks = -1", "0 to 1000000"),
        bad(List.of("reporting.margin=1.5"), "reporting.margin = 1.5", "0 to 1"),
        bad(List.of("reporting.margin=-0.1"), "reporting.margin = -0.1", "0 to 1"),
        bad(List.of("reporting.margin=high"), "reporting.margin = \"high\"", "0 to 1"),
        bad(List.of("reporting.markup=2"), "reporting.markup: unknown key"),
        bad(List.of("agents.aggressive.daily-budget=1.1234567"),
            "agents.aggressive.daily-budget = 1.1234567", "6 decimal places"),
        bad(List.of("agents.aggressive.daily-budget=-1"), "agents.aggressive.daily-budget = -1"),
        bad(List.of("agents.aggressive.strategy=greedy"), "agents.aggressive.strategy = \"greedy\"", "adaptive"),
        bad(List.of("agents.aggressive.pacing=fast"), "agents.aggressive.pacing = \"fast\"", "even, asap"),
        bad(List.of("agent-defaults.pacing=fast"), "agent-defaults.pacing = \"fast\"", "even, asap"),
        bad(List.of("agents.aggressive.stages=[awareness, loyalty]"),
            "agents.aggressive.stages = [\"awareness\",\"loyalty\"]", "churn-risk"),
        bad(List.of("agents.aggressive.stages=[]"), "agents.aggressive.stages = []", "non-empty"),
        bad(List.of("agents.aggressive.colour=red"), "agents.aggressive.colour: unknown key"),
        bad(List.of("agents.aggressive.frequency-cap=128"), "agents.aggressive.frequency-cap = 128", "1 to 127"),
        bad(List.of("agents.aggressive.multiplier=0"), "agents.aggressive.multiplier = 0", "0.01 to 100"),
        bad(List.of("agents.aggressive.strategy=agressive"),
            "agents.aggressive.strategy = \"agressive\": unknown strategy (did you mean aggressive?), must be one of"),
        bad(List.of("agents.aggressive.multiplier=\"high\""), "agents.aggressive.multiplier = \"high\"", "0.01 to 100"),
        bad(List.of("agents.t={strategy=tuned, low=0.9}"), "agents.t.low = 0.9: must be at most high (0.8)"),
        bad(List.of("agents.t={strategy=tuned}", "agent-defaults.high=0.1"),
            "agent-defaults.high = 0.1: must be at least low (0.2)"),
        bad(List.of("agents.t={strategy=tuned, rate=0}"), "agents.t.rate = 0: must be a number above 0 and at most 10"),
        bad(List.of("agents.t={strategy=tuned, level=10}"), "agents.t.level = 10: must be an integer from 1 to 9"),
        bad(List.of("agents.t={strategy=tuned, price-cpm=1000.5}"), "agents.t.price-cpm = 1000.5", "from 0 to 1000"),
        bad(List.of("agents.t={strategy=tuned, lvel=2}"), "agents.t.lvel: unknown key (did you mean agents.t.level?)"),
        bad(List.of("agents.new-one.daily-budget=5"), "agents.new-one.strategy: missing", "must be one of"),
        bad(List.of("agents.Bad_Id={strategy=fixed}"), "agents.Bad_Id", "[a-z0-9-]{1,32}"),
        bad(List.of("agents={}"), "agents: 0 agents defined"),
        bad(List.of("customers.count"), "--set customers.count", "key=value"),
        bad(List.of("customers.count={"), "--set customers.count={", "cannot parse"),
        bad(List.of("x=${nowhere}"), "nowhere"));
  }

  @ParameterizedTest
  @MethodSource("badOverrides")
  void badInputShouldGiveAOneLineScenarioExceptionNamingKeyAndValue(List<String> overrides, List<String> expected) {
    // when
    ScenarioException e = catchThrowableOfType(
        ScenarioException.class, () -> load(overrides));

    // then
    assertThat(e).as("overrides %s", overrides).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n", "\r");
    for (String part : expected) {
      assertThat(e.getMessage()).contains(part);
    }
  }

  @Test
  void loadShouldNameAMissingFile() {
    // given
    Path missing = dir.resolve("nope.conf");

    // when then
    assertThatThrownBy(() -> ScenarioLoader.load(missing, List.of(), null, CATALOG))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageNotContaining("\n");
  }

  @Test
  void loadShouldNameAFileThatDoesNotParse() throws IOException {
    // given
    Path file = write("customers {\n  count = \n");

    // when then
    assertThatThrownBy(() -> ScenarioLoader.load(file, List.of(), null, CATALOG))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("\n");
  }

  @Test
  void moneyShouldConvertExactlyAndFormatPlainly() {
    assertThat(Money.parseMicros("12.3456")).isEqualTo(12_345_600L);
    assertThat(Money.parseMicros("0.000001")).isEqualTo(1L);
    assertThat(Money.format(12_345_600L)).isEqualTo("12.345600");
    assertThat(Money.cpmToMicrosPerImpression("2.00")).isEqualTo(2_000L);
    assertThat(Money.formatCpm(2_000L)).isEqualTo("2.000");
    assertThatThrownBy(() -> Money.parseMicros("0.0000001")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.cpmToMicrosPerImpression("0.0001")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void initialMixShouldSumToOneWithinTolerance() {
    // when
    Scenario s = load(List.of());

    // then
    double sum = 0;
    for (Stage st : Stage.values()) {
      sum += s.customers().initialMix().get(st);
    }
    assertThat(sum).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void agentKeysOfModel2ShouldReadInterestsLiftAndCreatives() {
    Scenario s = load(List.of("agents.aggressive.interests=[transit, retail]", "agents.aggressive.lift=0",
        "agents.aggressive.creatives=[{ name = spring, appeal = 1.2 }, { name = plain, appeal = 0.8 }]"));
    AgentSpec a = agent(s, "aggressive");
    FeatureSpec f = s.customers().features();
    assertThat(a.interestMask()).isEqualTo(f.interestMask(List.of("retail", "transit")));
    assertThat(a.lift()).isZero();
    assertThat(a.creatives()).extracting(CreativeSpec::name).containsExactly("spring", "plain");
    assertThat(agent(s, "fixed").creatives()).containsExactly(CreativeSpec.DEFAULT);
    assertThat(agent(s, "fixed").lift()).isEqualTo(1.0);
    // the rendered scenario reads back to the same agents and features
    Scenario again = ScenarioLoader.fromConfig(ConfigFactory.parseString(ScenarioLoader.render(s)), CATALOG);
    assertThat(agent(again, "aggressive").interestMask()).isEqualTo(a.interestMask());
    assertThat(agent(again, "aggressive").creatives()).isEqualTo(a.creatives());
    assertThat(again.customers().features().regions()).isEqualTo(f.regions());
    assertThat(again.customers().features().visibleMask()).isEqualTo(f.visibleMask());
  }

  private static Arguments bad(List<String> overrides, String... expected) {
    return Arguments.of(overrides, List.of(expected));
  }

  private static Scenario load(List<String> overrides) {
    return ScenarioLoader.loadDefault(overrides, null, CATALOG);
  }

  private static AgentSpec agent(Scenario s, String id) {
    return s.agents().get(s.agentIndex(id));
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "scenario", ".conf");
    Files.writeString(file, text);
    return file;
  }
}
