package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioException;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.core.scenario.StrategyCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in strategies as the scenario loader sees them through the installed catalog. */
class StrategyCatalogTest {
  private static final int ALL_STAGES = (1 << Stage.COUNT) - 1;

  @Test
  void theInstalledCatalogShouldBeThisModulesStrategiesAndLearnersSortedByName() {
    assertThat(StrategyCatalog.installed().names()).containsExactly("a3c", "adaptive", "aggressive", "bandit",
        "campaign", "cluster-base", "cluster-policy", "conservative", "dqn", "fixed", "learned", "openrtb", "pctr",
        "pctr-value", "ppo", "ppo-stages", "random", "retargeting", "scripted");
    assertThat(new Strategies().names()).isEqualTo(StrategyCatalog.installed().names());
  }

  @Test
  void loadDefaultShouldApplyEachStrategysDefaults() {
    // when
    Scenario s = ScenarioLoader.loadDefault(List.of(), null);

    // then
    AgentSpec aggressive = agent(s, "aggressive");
    assertThat(aggressive.strategy()).isEqualTo("aggressive");
    assertThat(aggressive.settings().number("multiplier")).isEqualTo(1.3);
    assertThat(aggressive.stageMask()).isEqualTo(ALL_STAGES);

    AgentSpec conservative = agent(s, "conservative");
    assertThat(conservative.settings().number("multiplier")).isEqualTo(0.7);
    assertThat(conservative.stageMask())
        .isEqualTo((1 << Stage.INTEREST.ordinal()) | (1 << Stage.CONSIDERATION.ordinal()));

    AgentSpec retargeting = agent(s, "retargeting");
    assertThat(retargeting.settings().number("multiplier")).isEqualTo(1.5);
    assertThat(retargeting.stageMask())
        .isEqualTo((1 << Stage.CONSIDERATION.ordinal()) | (1 << Stage.CHURN_RISK.ordinal()));

    AgentSpec adaptive = agent(s, "adaptive");
    assertThat(adaptive.settings().number("multiplier")).isEqualTo(1.0);
    assertThat(AdaptiveStrategy.Settings.of(adaptive.settings()))
        .isEqualTo(new AdaptiveStrategy.Settings(3.0, 0.25, 0.02, 0.5, 2.5, 48, 3));
    assertThat(agent(s, "retargeting").settings().number("others-multiplier")).isEqualTo(1.0);
    assertThat(agent(s, "random").settings().values()).isEmpty();
    assertThat(agent(s, "fixed").settings().micros("bid-cpm")).as("bidding.base-cpm").isEqualTo(2_000L);
    assertThat(s.agents()).allSatisfy(a -> assertThat(a.stageMask()).isNotZero());
  }

  @Test
  void setShouldEditTheSettingsOfOneAgent() {
    // when
    Scenario s = ScenarioLoader.loadDefault(
        List.of("agents.adaptive.target-roas=2.5", "agents.fixed.bid-cpm=1.25", "agents.aggressive.multiplier=1.1"),
        null);

    // then
    assertThat(agent(s, "adaptive").settings().number("target-roas")).isEqualTo(2.5);
    assertThat(agent(s, "fixed").settings().micros("bid-cpm")).isEqualTo(1_250L);
    assertThat(agent(s, "aggressive").settings().number("multiplier")).isEqualTo(1.1);
  }

  @Test
  void renderShouldReadBackToTheDefaultScenario() {
    // given
    Scenario original = ScenarioLoader.loadDefault(List.of("agents.adaptive.min-multiplier=0.3"), null);

    // when
    Scenario back = ScenarioLoader.fromConfig(com.typesafe.config.ConfigFactory.parseString(
        ScenarioLoader.render(original)));

    // then
    assertThat(back).isEqualTo(original);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "agents.aggressive.multiplier=0 | agents.aggressive.multiplier = 0: must be a number from 0.01 to 100",
      "agents.adaptive.min-multiplier=3 | agents.adaptive.min-multiplier = 3: must be at most max-multiplier (2.5)",
      "agents.adaptive.max-multiplier=0.2 | agents.adaptive.max-multiplier = 0.2: must be at least min-multiplier (0.5)",
      "agents.adaptive.target-roas=0 | agents.adaptive.target-roas = 0: must be a number above 0 and at most 1000",
      "agents.adaptive.half-life-ticks=0 | agents.adaptive.half-life-ticks = 0: must be a number above 0 and at most 1000000",
      "agents.fixed.bid-cpm=-1 | agents.fixed.bid-cpm = -1: must be a CPM from 0 to 1000000 with at most 3 decimal places",
      "agents.fixed.strategy=greedy | agents.fixed.strategy = \"greedy\": unknown strategy, must be one of a3c, adaptive,"
          + " aggressive, bandit, campaign, cluster-base, cluster-policy, conservative, dqn, fixed, learned, openrtb,"
          + " pctr, pctr-value, ppo, ppo-stages, random, retargeting, scripted",
      "agents.fixed.strategy=fixd | agents.fixed.strategy = \"fixd\": unknown strategy (did you mean fixed?), must be"
          + " one of a3c, adaptive, aggressive, bandit, campaign, cluster-base, cluster-policy, conservative, dqn, fixed,"
          + " learned, openrtb, pctr, pctr-value, ppo, ppo-stages, random, retargeting, scripted",
      "agents.fixed.bid-cmp=1 | agents.fixed.bid-cmp: unknown key (did you mean agents.fixed.bid-cpm?)"})
  void badSettingsShouldBeRefusedInOneLineNamingKeyValueAndWhatIsAllowed(String set, String message) {
    assertThatThrownBy(() -> ScenarioLoader.loadDefault(List.of(set), null))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(message);
  }

  @Test
  void theRandomStrategyShouldDrawFromItsOwnStream() {
    // given
    SeededStreams streams = new SeededStreams(3);
    RandomStrategy random = new RandomStrategy(1, 1_000_000, 2, streams);

    // when
    long bid = random.bid(Fixtures.context(5, 1, 7));

    // then: the documented draw, from the stream the random strategy registered
    long bits = streams.bits(RandomStrategy.RANDOM_BID, 2, BidPlanner.auctionId(5, 1, 7));
    assertThat(bid).isEqualTo(1 + Long.remainderUnsigned(bits, 2_000_000));
    assertThat(RandomStrategy.RANDOM_BID.rawSalt()).isEqualTo(0x5001L);
  }

  private static AgentSpec agent(Scenario s, String id) {
    return s.agents().get(s.agentIndex(id));
  }
}
