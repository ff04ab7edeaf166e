package org.bidarena.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A strategy's text setting (a model file's path, say) and its check against the whole scenario. */
class TextSettingTest {
  /** Takes a path; refuses the path "refused" once the scenario is read. */
  private static final StrategyDeclaration READER = new StrategyDeclaration() {
    @Override
    public String name() {
      return "reader";
    }

    @Override
    public List<Setting> settings() {
      return List.of(Setting.text("path", "path", "a file"), Setting.number("weight", 0, 1, 0.5, "x", "a number"));
    }

    @Override
    public void check(AgentSpec agent, Scenario scenario) {
      if (agent.settings().string("path").equals("refused")) {
        throw new ScenarioException("agents." + agent.id() + ".path: refused by the strategy's check");
      }
    }
  };
  private static final StrategyCatalog CATALOG = StrategyCatalog.of(List.of(READER));

  private static Scenario load(String agents) {
    return ScenarioLoader.loadDefault(List.of("agents=" + agents), null, CATALOG);
  }

  @Test
  void aTextSettingShouldBeReadKeptAndRenderedBackToTheSameScenario() {
    Scenario s = load("{ a = { strategy = reader, path = \"/tmp/m odel.ctr\" } }");
    assertThat(s.agents().get(0).settings().string("path")).isEqualTo("/tmp/m odel.ctr");
    assertThat(s.agents().get(0).settings().number("weight")).isEqualTo(0.5);
    String rendered = ScenarioLoader.render(s);
    assertThat(rendered).contains("path = \"/tmp/m odel.ctr\"");
    Scenario again = ScenarioLoader.fromConfig(com.typesafe.config.ConfigFactory.parseString(rendered), CATALOG);
    assertThat(again.agents()).isEqualTo(s.agents());
  }

  @Test
  void aMissingOrNonTextValueShouldBeRefusedInOneLine() {
    assertThatThrownBy(() -> load("{ a = { strategy = reader } }")).isInstanceOf(ScenarioException.class)
        .hasMessage("agents.a.path: missing, strategy reader needs it (a file)");
    assertThatThrownBy(() -> load("{ a = { strategy = reader, path = [1] } }")).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("agents.a.path = [1]: must be a non-empty string of at most 1000 characters");
  }

  @Test
  void theStrategysCheckShouldRefuseAtLoad() {
    assertThatThrownBy(() -> load("{ a = { strategy = reader, path = refused } }")).isInstanceOf(ScenarioException.class)
        .hasMessage("agents.a.path: refused by the strategy's check");
  }
}
