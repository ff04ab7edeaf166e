package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same scenario and seed give the same journal digest and summary, whatever the threads do. */
class DeterminismTest {
  private static final String[] SMALL = {
    "customers.count=3000", "time.days=2", "journal.checkpoint-every-ticks=48"
  };

  @Test
  void sameSeedGivesSameDigestAndSummaryEvenWithOtherThreadScheduling(@TempDir Path temp) throws Exception {
    // given a run on the default dispatcher
    JsonNode first = Runs.run(temp.resolve("a"), SMALL);
    // when the same scenario runs on one thread that switches actor after every message
    JsonNode second;
    System.setProperty("pekko.actor.default-dispatcher.throughput", "1");
    System.setProperty("pekko.actor.default-dispatcher.fork-join-executor.parallelism-max", "1");
    ConfigFactory.invalidateCaches();
    try {
      second = Runs.run(temp.resolve("b"), SMALL);
    } finally {
      System.clearProperty("pekko.actor.default-dispatcher.throughput");
      System.clearProperty("pekko.actor.default-dispatcher.fork-join-executor.parallelism-max");
      ConfigFactory.invalidateCaches();
    }
    // then the journals and summaries are identical
    assertThat(second.get("digest").asText()).isEqualTo(first.get("digest").asText());
    assertThat(Files.readString(temp.resolve("b/summary.json"))).isEqualTo(Files.readString(temp.resolve("a/summary.json")));
    assertThat(Files.readString(temp.resolve("b/ticks.csv"))).isEqualTo(Files.readString(temp.resolve("a/ticks.csv")));
    assertThat(first.get("auctions").asLong()).isPositive();
  }

  @Test
  void differentSeedGivesDifferentDigest(@TempDir Path temp) throws Exception {
    JsonNode seed1 = Runs.run(temp.resolve("s1"), with("seed=1"));
    JsonNode seed2 = Runs.run(temp.resolve("s2"), with("seed=2"));
    assertThat(seed1.get("digest").asText()).isNotEqualTo(seed2.get("digest").asText());
    assertThat(seed1.get("seed").asLong()).isEqualTo(1);
    assertThat(seed2.get("seed").asLong()).isEqualTo(2);
  }

  @Test
  void firstPriceChangesWhatWinnersPay(@TempDir Path temp) throws Exception {
    JsonNode second = Runs.run(temp.resolve("second"), SMALL);
    JsonNode first = Runs.run(temp.resolve("first"), with("auction.type=first-price"));
    assertThat(first.get("digest").asText()).isNotEqualTo(second.get("digest").asText());
    long spendSecond = 0;
    long spendFirst = 0;
    for (int a = 0; a < first.get("agents").size(); a++) {
      spendSecond += second.get("agents").get(a).get("avgClearingPriceMicros").asLong();
      spendFirst += first.get("agents").get(a).get("avgClearingPriceMicros").asLong();
    }
    assertThat(spendFirst).as("first price charges the bid, never less than second price would").isGreaterThan(spendSecond);
  }

  private static String[] with(String extra) {
    String[] all = java.util.Arrays.copyOf(SMALL, SMALL.length + 1);
    all[SMALL.length] = extra;
    return all;
  }
}
