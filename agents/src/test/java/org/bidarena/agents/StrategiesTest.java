package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.StrategySettings;
import org.junit.jupiter.api.Test;

class StrategiesTest {
  private final SeededStreams streams = new SeededStreams(1);

  private BiddingStrategy create(AgentSpec agent) {
    Scenario scenario = Fixtures.scenario(Fixtures.AUCTION, agent);
    return Strategies.create(agent, 0, scenario, streams);
  }

  @Test
  void createShouldBuildEachKindWithItsMultiplier() {
    assertThat(create(Fixtures.aggressive())).isInstanceOf(MultiplierStrategy.class);
    assertThat(create(Fixtures.conservative()).bid(Fixtures.context(0, 0, 0))).isEqualTo(700_000);
    assertThat(create(Fixtures.retargeting()).multiplier()).isEqualTo(1.5);
    assertThat(create(Fixtures.agent("a", "adaptive", Fixtures.ALL_STAGES, Fixtures.adaptive(1.1))))
        .isInstanceOf(AdaptiveStrategy.class)
        .extracting(BiddingStrategy::multiplier).isEqualTo(1.1);
    assertThat(create(Fixtures.agent("r", "random", Fixtures.ALL_STAGES, StrategySettings.NONE)))
        .isInstanceOf(RandomStrategy.class);
    assertThat(create(Fixtures.agent("f", "fixed", Fixtures.ALL_STAGES, Fixtures.fixedBid(800_000))).bid(Fixtures.context(0, 0, 0)))
        .isEqualTo(800_000);
  }

  @Test
  void createShouldRefuseAStrategyTheCatalogDoesNotHave() {
    assertThatThrownBy(() -> create(Fixtures.agent("x", "no-such", Fixtures.ALL_STAGES, StrategySettings.NONE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no strategy 'no-such' in the catalog");
  }

  @Test
  void statelessStrategiesShouldHaveEmptyStateAndRejectOther() {
    BiddingStrategy fixed = create(Fixtures.agent("f", "fixed", Fixtures.ALL_STAGES, Fixtures.fixedBid(800_000)));

    assertThat(fixed.state()).isEmpty();
    fixed.restore(fixed.state());
    assertThatThrownBy(() -> fixed.restore(new double[] {1.0})).isInstanceOf(IllegalArgumentException.class);
  }
}
