package org.bidarena.app.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.bidarena.analysis.BadInput;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The --agent ID --strategies shorthand: arms that differ in that agent's strategy and nothing else. */
class ExperimentArmsTest {
  private static final List<String> TINY = List.of("customers.count=100", "time.days=1");

  @Test
  void strategyArmsShouldDifferOnlyInThatAgentsStrategy() {
    Map<String, Scenario> arms = ExperimentArms.ofStrategies(null, TINY, "adaptive", List.of("adaptive", "fixed", "random"));
    assertThat(arms.keySet()).containsExactly("adaptive", "fixed", "random");
    Scenario base = arms.get("adaptive");
    for (Map.Entry<String, Scenario> arm : arms.entrySet()) {
      Scenario s = arm.getValue();
      assertThat(agent(s, "adaptive").strategy()).isEqualTo(arm.getKey());
      assertThat(s.customers()).isEqualTo(base.customers());
      assertThat(s.customers().count()).isEqualTo(100);
      for (AgentSpec other : s.agents()) {
        if (!other.id().equals("adaptive")) {
          assertThat(other).isEqualTo(agent(base, other.id()));
        }
      }
    }
    assertThat(ExperimentArms.commonAgents(arms)).contains("adaptive", "fixed", "random", "aggressive");
  }

  @Test
  void armOptionsShouldGroupOverridesByNameInOrder() {
    Map<String, Scenario> arms = ExperimentArms.ofArmOptions(null, TINY, List.of("base:", "fp:auction.type=first-price",
        "fp:agents.fixed.strategy=random"));
    assertThat(arms.keySet()).containsExactly("base", "fp");
    assertThat(arms.get("base").auction().type().toString()).isNotEqualTo(arms.get("fp").auction().type().toString());
    assertThat(agent(arms.get("fp"), "fixed").strategy()).isEqualTo("random");
    assertThat(agent(arms.get("base"), "fixed").strategy()).isEqualTo("fixed");
    assertThat(arms.get("fp").customers().count()).isEqualTo(100);
    assertThatThrownBy(() -> ExperimentArms.ofArmOptions(null, TINY, List.of("only:time.days=2")))
        .isInstanceOf(BadInput.class).hasMessageContaining("two or more");
    assertThatThrownBy(() -> ExperimentArms.ofArmOptions(null, TINY, List.of("Bad Name:x=1", "b:")))
        .isInstanceOf(BadInput.class).hasMessageContaining("NAME:KEY=VALUE");
  }

  @Test
  void aRepeatedStrategyShouldBeRefused() {
    assertThatThrownBy(() -> ExperimentArms.ofStrategies(null, TINY, "adaptive", List.of("fixed", "fixed")))
        .isInstanceOf(BadInput.class).hasMessageContaining("given twice");
  }

  private static AgentSpec agent(Scenario s, String id) {
    return s.agents().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }
}
