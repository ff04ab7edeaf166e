package org.bidarena.agents.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.Strategies;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioException;
import org.bidarena.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptedStrategyTest {
  private static List<String> sets(Path file) {
    return List.of("time.days=1", "time.ticks-per-day=4", "agents.adaptive.strategy=scripted",
        "agents.adaptive.actions=\"" + file.toAbsolutePath().toString().replace("\\", "/") + "\"");
  }

  @Test
  void aPlayedFileRoundTripsExactlyAndIsBidAsALearnerPricesIt(@TempDir Path temp) throws Exception {
    // given four ticks of multipliers whose decimal forms are long
    List<double[]> rows = new ArrayList<>();
    for (double m : new double[] {0.1 + 0.2, 1.0 / 3, 0, 2.9999999999999996}) {
      rows.add(new double[] {m, 1.5});
    }
    Path file = temp.resolve("actions.csv");
    new PlayedActions(List.of("adaptive", "fixed"), rows).write(file);
    // when a scenario's adaptive slot plays it
    Scenario s = ScenarioLoader.load(null, sets(file), null);
    int a = s.agents().stream().map(x -> x.id()).toList().indexOf("adaptive");
    BiddingStrategy strategy = Strategies.create(s.agents().get(a), a, s, new SeededStreams(1));
    // then every value is read back bit for bit and bid as round(base x multiplier)
    assertThat(PlayedActions.read(file).of("adaptive")).containsExactly(0.1 + 0.2, 1.0 / 3, 0, 2.9999999999999996);
    for (int t = 0; t < 4; t++) {
      assertThat(strategy.uniformBid(t, 0)).isEqualTo(Math.round(s.baseBidMicros() * rows.get(t)[0]));
    }
    assertThat(strategy.multiplier()).isEqualTo(2.9999999999999996);
    // and a restored copy reports the same multiplier
    BiddingStrategy copy = Strategies.create(s.agents().get(a), a, s, new SeededStreams(1));
    copy.restore(strategy.state());
    assertThat(copy.multiplier()).isEqualTo(strategy.multiplier());
    assertThatThrownBy(() -> new PlayedActions(List.of("adaptive"), rows).write(file)).hasMessageContaining("already exists");
  }

  @Test
  void aMissingShortOrBadFileIsRefusedInOneLine(@TempDir Path temp) throws Exception {
    Path missing = temp.resolve("none.csv");
    assertThatThrownBy(() -> ScenarioLoader.load(null, sets(missing), null)).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("cannot be read");
    Path shorter = temp.resolve("short.csv");
    Files.writeString(shorter, "tick,adaptive\n0,1.0\n1,1.0\n");
    assertThatThrownBy(() -> ScenarioLoader.load(null, sets(shorter), null)).hasMessageContaining("has 2 ticks; the scenario has 4");
    Path other = temp.resolve("other.csv");
    Files.writeString(other, "tick,fixed\n0,1\n1,1\n2,1\n3,1\n");
    assertThatThrownBy(() -> ScenarioLoader.load(null, sets(other), null)).hasMessageContaining("no column for agent 'adaptive'");
    Path nan = temp.resolve("nan.csv");
    Files.writeString(nan, "tick,adaptive\n0,1\n1,NaN\n2,1\n3,1\n");
    assertThatThrownBy(() -> ScenarioLoader.load(null, sets(nan), null)).hasMessageContaining("line 3: 'NaN' is not a multiplier");
  }
}
