package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.exchange.AuctionsCleared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bidarena bidder} serves a scenario's agent as an OpenRTB 2.6 endpoint: a market whose openrtb agent
 * asks it bids exactly what the served built-in strategy bids in the market itself.
 */
class BidderCommandTest {
  private static final String SCENARIO = """
      name = "mirror"
      time { days = 1, ticks-per-day = 24 }
      customers { count = 300, shards = 2 }
      exchange { partitions = 2 }
      agents {
        bold   { strategy = aggressive, daily-budget = 1000.00 }
        mirror { strategy = openrtb, endpoint = "%s", tmax = 2000, concurrency = 4, daily-budget = 1000.00 }
        steady { strategy = fixed, daily-budget = 1000.00 }
      }
      """;

  @Test
  void aMarketAgentAskingAServedAggressiveAgentShouldBidWhatAggressiveBids(@TempDir Path temp) throws Exception {
    // given 'bold' served by 'bidarena bidder' in its own JVM (the scenario's endpoint is not used by it)
    Path file = temp.resolve("mirror.conf");
    Files.writeString(file, SCENARIO.formatted("http://127.0.0.1:1/unused"));
    Process served = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), BidArena.class.getName(), "bidder", file.toString(),
        "--agent", "bold", "--port", "0").redirectErrorStream(true).start();
    try {
      int port = listeningPort(served);
      Files.writeString(file, SCENARIO.formatted("http://127.0.0.1:" + port + "/bid"));
      Path dir = temp.resolve("run");

      // when the market runs with 'mirror' asking it
      Runs.Result result = Runs.bidarena("run", file.toString(), "--out", dir.toString());

      // then every request was answered with a bid (but those that met two cold JVMs on a loaded machine and
      // missed tmax), and mirror's bids are bold's
      assertThat(result.exitCode()).as("errors: %s", result.err()).isZero();
      JsonNode counters = Runs.summary(dir).get("openrtb").get("mirror");
      long requests = counters.get("requests").asLong();
      assertThat(counters.get("bids").asLong()).isGreaterThan(requests * 9 / 10)
          .isEqualTo(requests - counters.path("timeout").asLong());
      Scenario scenario = ScenarioLoader.load(file, java.util.List.of(), null);
      int bold = scenario.agentIndex("bold");
      int mirror = scenario.agentIndex("mirror");
      Set<Long> boldBids = new TreeSet<>();
      Set<Long> mirrorBids = new TreeSet<>();
      for (Object event : Runs.journalEvents(dir)) {
        if (event instanceof AuctionsCleared e) {
          for (int i = 0; i < e.auctions(); i++) {
            if (e.bid(bold, i) > 0) boldBids.add(e.bid(bold, i));
            if (e.bid(mirror, i) > 0) mirrorBids.add(e.bid(mirror, i));
          }
        }
      }
      assertThat(mirrorBids).isNotEmpty().isEqualTo(boldBids);
    } finally {
      served.destroy();
    }
  }

  @Test
  void anUnknownAgentShouldBeBadInputNamingTheAgents() {
    Runs.Result result = Runs.bidarena("bidder", "--agent", "nobody", "--port", "0");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).startsWith("error: --agent nobody is not an agent of the scenario; it has [").doesNotContain("\n");
  }

  /** Reads the child's lines until it says it listens; returns the port. */
  private static int listeningPort(Process process) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("listening on ")) {
        return Integer.parseInt(line.substring("listening on ".length()).trim());
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("bidarena bidder did not start:\n" + seen);
  }
}
