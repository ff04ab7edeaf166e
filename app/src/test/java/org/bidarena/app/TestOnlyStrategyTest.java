package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.exchange.AuctionsCleared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strategy added in the test sources alone ({@link CoinFlipStrategy}) is named by a scenario file, validated
 * by the scenario loader, and bids through the real engine: 'bidarena run' end to end.
 */
class TestOnlyStrategyTest {
  private static final String SCENARIO = """
      name = "coin-flip"
      time { days = 1, ticks-per-day = 24 }
      customers { count = 300, shards = 2 }
      exchange { partitions = 2 }
      agents {
        flipper { strategy = coin-flip, level = 3, daily-budget = 1000.00 }
        steady  { strategy = fixed, daily-budget = 1000.00 }
      }
      """;

  @Test
  void aScenarioFileShouldRunAStrategyThatOnlyTheTestSourcesDefine(@TempDir Path temp) throws Exception {
    // given
    Path file = temp.resolve("coin-flip.conf");
    Files.writeString(file, SCENARIO);
    Path dir = temp.resolve("run");

    // when
    Runs.Result result = Runs.bidarena("run", file.toString(), "--out", dir.toString());

    // then: it ran, and every bid of the agent is its coin's: 3 CPM on heads, none on tails
    assertThat(result.exitCode()).as("errors: %s", result.err()).isZero();
    Scenario scenario = ScenarioLoader.load(file, List.of(), null);
    int flipper = scenario.agentIndex("flipper");
    SeededStreams streams = new SeededStreams(scenario.seed());
    long heads = 0;
    long bids = 0;
    for (Object event : Runs.journalEvents(dir)) {
      if (event instanceof AuctionsCleared e) {
        for (int i = 0; i < e.auctions(); i++) {
          long bid = e.bid(flipper, i);
          if (CoinFlipStrategy.heads(streams, flipper, e.tick(), e.partition(), i)) {
            heads++;
            assertThat(bid).isIn(0L, 3_000L);
            bids += bid > 0 ? 1 : 0;
          } else {
            assertThat(bid).as("tails at tick %d, partition %d, row %d", e.tick(), e.partition(), i).isZero();
          }
        }
      }
    }
    assertThat(bids).isPositive().isGreaterThan(heads / 2);
    JsonNode agents = Runs.summary(dir).get("agents");
    assertThat(agents.get(flipper).get("strategy").asText()).isEqualTo("coin-flip");
    assertThat(Files.readString(dir.resolve("scenario.conf"))).contains("strategy = \"coin-flip\"", "level = 3");
  }

  @Test
  void aBadSettingOfATestOnlyStrategyShouldBeOneLineAndExitTwo(@TempDir Path temp) throws Exception {
    // given
    Path file = temp.resolve("coin-flip.conf");
    Files.writeString(file, SCENARIO);

    // when
    Runs.Result result = Runs.bidarena(
        "run", file.toString(), "--out", temp.resolve("run").toString(), "--set", "agents.flipper.level=6");

    // then
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).contains("agents.flipper.level = 6: must be an integer from 1 to 5")
        .doesNotContain("\n");
  }
}
