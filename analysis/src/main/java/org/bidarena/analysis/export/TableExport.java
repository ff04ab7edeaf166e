package org.bidarena.analysis.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.metrics.OutcomeFields;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AuctionsCleared;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a recorded run's auctions, bids and outcomes, and its strategies' decisions ({@link DecisionTable}),
 * as four tables, through an in-memory DuckDB database:
 * {@code auctions} (one row per auction; with at most {@link #WIDE_BID_AGENTS} agents, also every agent's
 * accepted bid in a column {@code bid_<agent>}), {@code bids} (one row per accepted bid: auction, agent, bid,
 * creative, so a market of thousands of bidders stays a narrow table) and {@code outcomes} (one row per click or purchase: the last-click agent it is attributed to, or null; for a
 * purchase, whether it made a new customer and its ground-truth cause: an agent, {@code organic}, or null where
 * the journal does not record causes).
 */
public final class TableExport {
  public enum Format {
    PARQUET("parquet", "(FORMAT PARQUET)"),
    CSV("csv", "(FORMAT CSV, HEADER)");

    public final String extension;
    public final String copyOptions;

    Format(String extension, String copyOptions) {
      this.extension = extension;
      this.copyOptions = copyOptions;
    }
  }

  public static final List<String> TABLES = List.of("auctions", "bids", "outcomes", "decisions");

  /** Up to this many agents, {@code auctions} also has a {@code bid_<agent>} column per agent; beyond, only {@code bids}. */
  public static final int WIDE_BID_AGENTS = 64;

  private TableExport() {}

  /** The column of an agent's bids: {@code bid_} and the id, with '-' as '_'. */
  public static String bidColumn(String agentId) {
    return "bid_" + agentId.replace('-', '_');
  }

  public static Path file(Path dir, String table, Format format) {
    return dir.resolve(table + "." + format.extension);
  }

  /** Writes {@code auctions.EXT} and {@code outcomes.EXT} into {@code dir}, each through a temporary file. */
  public static void write(RecordedRun run, Path dir, Format format) throws IOException, SQLException {
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
      fillAuctions(duck, run);
      fillBids(duck, run);
      fillOutcomes(duck, run);
      DecisionTable.fill(duck, run);
      for (String table : TABLES) {
        Path target = file(dir, table, format);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Statement s = c.createStatement()) {
          s.execute("COPY " + table + " TO " + literal(tmp) + " " + format.copyOptions);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  private static void fillAuctions(DuckDBConnection c, RecordedRun run) throws SQLException {
    Scenario scenario = run.scenario();
    StringBuilder ddl = new StringBuilder("CREATE TABLE auctions (auction_id BIGINT, tick INTEGER, day INTEGER,"
        + " partition INTEGER, customer INTEGER, stage VARCHAR, winner VARCHAR, price_micros BIGINT,"
        + " reserve_micros BIGINT");
    boolean wide = scenario.agentCount() <= WIDE_BID_AGENTS;
    for (AgentSpec agent : wide ? scenario.agents() : List.<AgentSpec>of()) {
      ddl.append(", ").append(bidColumn(agent.id())).append(" BIGINT");
    }
    ddl.append(')');
    try (Statement s = c.createStatement()) {
      s.execute(ddl.toString());
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "auctions")) {
      long[] rowBids = new long[wide ? scenario.agentCount() : 0];
      for (AuctionsCleared e : run.auctions()) {
        int day = scenario.day(e.tick());
        for (int i = 0; i < e.auctions(); i++) {
          a.beginRow();
          a.append(AuctionId.of(e.tick(), e.partition(), i));
          a.append((int) e.tick());
          a.append(day);
          a.append(e.partition());
          a.append(e.customers()[i]);
          a.append(Stage.of(e.stages()[i]).key());
          int w = e.winners()[i];
          if (w < 0) {
            a.appendNull();
          } else {
            a.append(e.agents().get(w));
          }
          a.append(e.pricesMicros()[i]);
          a.append(e.reserveMicros());
          if (wide) {
            java.util.Arrays.fill(rowBids, 0);
            for (int k = e.bidStart()[i]; k < e.bidStart()[i + 1]; k++) {
              rowBids[e.bidAgents()[k]] = e.bidMicros()[k];
            }
          }
          for (long bid : rowBids) {
            a.append(bid);
          }
          a.endRow();
        }
      }
    }
  }

  private static void fillBids(DuckDBConnection c, RecordedRun run) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE bids (auction_id BIGINT, tick INTEGER, agent VARCHAR, bid_micros BIGINT,"
          + " creative INTEGER, won BOOLEAN)");
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "bids")) {
      for (AuctionsCleared e : run.auctions()) {
        for (int i = 0; i < e.auctions(); i++) {
          long auction = AuctionId.of(e.tick(), e.partition(), i);
          int winner = e.winners()[i];
          for (int k = e.bidStart()[i]; k < e.bidStart()[i + 1]; k++) {
            a.beginRow();
            a.append(auction);
            a.append((int) e.tick());
            a.append(e.agents().get(e.bidAgents()[k]));
            a.append(e.bidMicros()[k]);
            a.append(e.bidCreatives()[k]);
            a.append(e.bidAgents()[k] == winner);
            a.endRow();
          }
        }
      }
    }
  }

  private static void fillOutcomes(DuckDBConnection c, RecordedRun run) throws SQLException {
    Scenario scenario = run.scenario();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE outcomes (tick INTEGER, day INTEGER, shard INTEGER, customer INTEGER, agent VARCHAR,"
          + " clicked BOOLEAN, purchased BOOLEAN, revenue_micros BIGINT, new_customer BOOLEAN, cause VARCHAR)");
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "outcomes")) {
      for (OutcomesRecorded e : run.outcomes()) {
        ShardOutcomes o = e.outcomes();
        int day = scenario.day(e.tick());
        for (int i = 0; i < o.rows(); i++) {
          a.beginRow();
          a.append((int) e.tick());
          a.append(day);
          a.append(e.shard());
          a.append(o.customers()[i]);
          int agent = OutcomeFields.agent(o, i);
          if (agent < 0) {
            a.appendNull();
          } else {
            a.append(scenario.agents().get(agent).id());
          }
          boolean purchased = OutcomeFields.isPurchase(o, i);
          a.append(OutcomeFields.isClick(o, i));
          a.append(purchased);
          a.append(o.revenueMicros()[i]);
          a.append(purchased && OutcomeFields.isNewCustomer(o, i));
          int cause = purchased ? OutcomeFields.causeAgent(o, i) : OutcomeFields.UNKNOWN_CAUSE;
          if (cause >= 0) {
            a.append(scenario.agents().get(cause).id());
          } else if (cause == OutcomeFields.ORGANIC && OutcomeFields.hasCauses(o)) {
            a.append("organic");
          } else {
            a.appendNull();
          }
          a.endRow();
        }
      }
    }
  }

  /** A SQL string literal of a path. */
  public static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  public static Format format(String name) {
    try {
      return Format.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInput("--format " + name + ": must be parquet or csv");
    }
  }
}
