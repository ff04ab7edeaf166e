package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.bidarena.exchange.AuctionsCleared;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A market of 2,000 bidding entities runs end to end: agent indices are ints, bids are sparse and each
 * bidder is sent only its own memory, so agents far past the old limit of 64 (and past a byte) bid and win.
 */
class ManyBiddersTest {
  private static final int AGENTS = 2_000;

  private static String scenario() {
    StringBuilder s = new StringBuilder("""
        name = "many-bidders"
        time { days = 1, ticks-per-day = 4 }
        customers { count = 400, shards = 2 }
        exchange { partitions = 2 }
        agents {
        """);
    for (int a = 0; a < AGENTS; a++) {
      // every tenth agent bids a little more, so only those win
      s.append("  b").append(a).append(" { strategy = fixed, daily-budget = 5.00, bid-cpm = ")
          .append(a % 10 == 9 ? "1.10" : "1.00").append(" }\n");
    }
    return s.append("}\n").toString();
  }

  /** Starting 2,000 persistent bidders (each recovers from the journal) outlasts the default tick timeout. */
  private static final String TICK_TIMEOUT = "bidarena.driver.tick-timeout";

  @BeforeAll
  static void allowASlowFirstTick() {
    System.setProperty(TICK_TIMEOUT, "900s");
    ConfigFactory.invalidateCaches();
  }

  @AfterAll
  static void restoreTheTickTimeout() {
    System.clearProperty(TICK_TIMEOUT);
    ConfigFactory.invalidateCaches();
  }

  @Test
  void aScenarioWithTwoThousandBiddersShouldRunAndLetHighIndicesWin(@TempDir Path temp) throws Exception {
    // given
    Path file = temp.resolve("many.conf");
    Files.writeString(file, scenario());
    Path dir = temp.resolve("run");

    // when
    Runs.Result result = Runs.bidarena("run", file.toString(), "--out", dir.toString());

    // then
    assertThat(result.exitCode()).as("errors: %s", result.err()).isZero();
    JsonNode summary = Runs.summary(dir);
    assertThat(summary.get("agents")).hasSize(AGENTS);
    long impressions = 0;
    int winners = 0;
    for (JsonNode agent : summary.get("agents")) {
      impressions += agent.get("impressions").asLong();
      winners += agent.get("impressions").asLong() > 0 ? 1 : 0;
    }
    assertThat(impressions).isEqualTo(summary.get("impressions").asLong()).isPositive();
    assertThat(winners).as("agents that won something").isGreaterThan(64);
    int highest = -1;
    for (Object event : Runs.journalEvents(dir)) {
      if (event instanceof AuctionsCleared e) {
        assertThat(e.agents()).hasSize(AGENTS);
        for (int w : e.winners()) {
          highest = Math.max(highest, w);
          assertThat(w).isBetween(-1, AGENTS - 1);
          // agent indices follow the sorted ids (b0, b1, b10, ...), so the id says whether it bid higher
          assertThat(w < 0 || Integer.parseInt(e.agents().get(w).substring(1)) % 10 == 9)
              .as("only the higher bidders win").isTrue();
        }
      }
    }
    assertThat(highest).as("an agent index past a byte won").isGreaterThan(255);

    // and the export stays narrow: no column per agent, one row per accepted bid in the bids table
    Path tables = temp.resolve("tables");
    Runs.Output export = Runs.capture("export", dir.toString(), "--format", "parquet", "--to", tables.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      String auctions = "read_parquet('" + tables.resolve("auctions.parquet") + "')";
      String bids = "read_parquet('" + tables.resolve("bids.parquet") + "')";
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (DESCRIBE SELECT * FROM " + auctions + ")")) {
        rs.next();
        assertThat(rs.getInt(1)).as("auctions columns").isLessThan(20);
      }
      long bidRows;
      try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE won) FROM " + bids)) {
        rs.next();
        bidRows = rs.getLong(1);
        assertThat(rs.getLong(2)).isEqualTo(summary.get("impressions").asLong());
      }
      long summaryBids = 0;
      for (JsonNode agent : summary.get("agents")) {
        summaryBids += agent.get("bids").asLong();
      }
      assertThat(bidRows).isEqualTo(summaryBids).isPositive();
    }
  }
}
