package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.StrategyKind;
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
    assertThat(create(Fixtures.conservative()).bid(0, 0, Fixtures.everyStage(1), 0)).isEqualTo(700_000);
    assertThat(create(Fixtures.retargeting()).multiplier()).isEqualTo(1.5);
    assertThat(create(Fixtures.agent("a", StrategyKind.ADAPTIVE, Fixtures.ALL_STAGES, 1.1)))
        .isInstanceOf(AdaptiveStrategy.class)
        .extracting(BiddingStrategy::multiplier).isEqualTo(1.1);
    assertThat(create(Fixtures.agent("r", StrategyKind.RANDOM, Fixtures.ALL_STAGES, 1.0)))
        .isInstanceOf(RandomStrategy.class);
    assertThat(create(Fixtures.agent("f", StrategyKind.FIXED, Fixtures.ALL_STAGES, 1.0)).bid(0, 0, null, 0))
        .isEqualTo(800_000);
  }

  @Test
  void statelessStrategiesShouldHaveEmptyStateAndRejectOther() {
    BiddingStrategy fixed = create(Fixtures.agent("f", StrategyKind.FIXED, Fixtures.ALL_STAGES, 1.0));

    assertThat(fixed.state()).isEmpty();
    fixed.restore(fixed.state());
    assertThatThrownBy(() -> fixed.restore(new double[] {1.0})).isInstanceOf(IllegalArgumentException.class);
  }
}
