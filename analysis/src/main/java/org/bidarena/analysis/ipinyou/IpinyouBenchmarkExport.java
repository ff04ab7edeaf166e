package org.bidarena.analysis.ipinyou;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.bidarena.analysis.export.TableExport;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.exchange.AuctionsCleared;
import org.bidarena.exchange.LogReplayClearing;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a benchmark's journaled auctions as one table, {@code auctions}: one row per replayed log line and
 * partition, with the algorithm's bid, the logged market price, who won and the logged click. A replay has
 * no customer shards, so there is no outcomes table: a click is the logged one of an auction the agent won.
 */
public final class IpinyouBenchmarkExport {
  public static final List<String> TABLES = List.of("auctions");

  private IpinyouBenchmarkExport() {}

  /** Reads the benchmark in {@code folder} (checked as by replay) and writes {@code auctions.EXT} into {@code dir}. */
  public static void write(RunFolder folder, JournalSettings journal, String where, Path dir, TableExport.Format format)
      throws IOException, SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE auctions (auction_id BIGINT, episode INTEGER, partition INTEGER, agent VARCHAR,"
            + " log_line INTEGER, bid_micros BIGINT, market_price_micros BIGINT, winner VARCHAR, price_micros BIGINT,"
            + " logged_click BOOLEAN)");
      }
      try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "auctions")) {
        RecordedIpinyouBenchmark.read(folder, journal, where, e -> append(a, e));
      }
      // Only now, the journal being this folder's: a refused journal leaves nothing behind.
      Files.createDirectories(dir);
      Path target = TableExport.file(dir, "auctions", format);
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      try (Statement s = c.createStatement()) {
        s.execute("COPY (SELECT * FROM auctions ORDER BY partition, episode, log_line) TO " + TableExport.literal(tmp)
            + " " + format.copyOptions);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** One episode's rows; log_line is 1-based, as in the error messages about the log. */
  private static void append(DuckDBAppender a, AuctionsCleared e) {
    String agent = e.agents().get(LogReplayClearing.AGENT);
    try {
      for (int i = 0; i < e.auctions(); i++) {
        a.beginRow();
        a.append(AuctionId.of(e.tick(), e.partition(), i));
        a.append((int) e.tick());
        a.append(e.partition());
        a.append(agent);
        a.append(e.customers()[i] + 1);
        a.append(e.bid(LogReplayClearing.AGENT, i));
        a.append(e.bid(LogReplayClearing.MARKET, i));
        a.append(e.agents().get(e.winners()[i]));
        a.append(e.pricesMicros()[i]);
        a.append(e.loggedClicks()[i] == 1);
        a.endRow();
      }
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot append episode " + e.tick() + " of partition " + e.partition(), ex);
    }
  }
}
