package org.bidarena.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Creates a run's schema and the journal's tables in PostgreSQL when they are missing, and checks that
 * the database can be reached. The plugin's own script writes to {@code public}, so the project ships
 * its tables without a schema prefix and applies them inside the run's schema.
 */
public final class PostgresSchema {
  private static final String TABLES = "bidarena/schema/postgres-tables.sql";

  private PostgresSchema() {}

  /** The database cannot be reached or refused us. */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Creates the schema and its tables if needed; returns the number of journal events already in it. */
  public static long createIfMissing(JournalSettings journal) {
    try (Connection c = connect(journal); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + journal.schema());
      s.execute("SET search_path TO " + journal.schema());
      for (String statement : script().split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM event_journal")) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw new Unreachable("cannot prepare the journal at " + journal.describe() + ": " + e.getMessage(), e);
    }
  }

  /** Whether the run's schema exists. */
  public static boolean exists(JournalSettings journal) {
    try (Connection c = connect(journal);
        java.sql.PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      s.setString(1, journal.schema());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw new Unreachable("cannot reach the journal database " + journal.describe() + ": " + e.getMessage(), e);
    }
  }

  /** Drops the run's schema and everything in it: only for a schema its caller made and no run used. */
  public static void drop(JournalSettings journal) {
    try (Connection c = connect(journal); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + journal.schema() + " CASCADE");
    } catch (SQLException e) {
      throw new Unreachable("cannot drop " + journal.describe() + ": " + e.getMessage(), e);
    }
  }

  /** Fails with a clear message unless the database answers within a few seconds. */
  public static void requireReachable(JournalSettings journal) {
    try (Connection c = connect(journal)) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new Unreachable("cannot reach the journal database " + journal.describe() + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(JournalSettings journal) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", journal.user());
    props.setProperty("password", journal.password());
    props.setProperty("connectTimeout", "10");
    props.setProperty("loginTimeout", "10");
    props.setProperty("socketTimeout", "60");
    return DriverManager.getConnection(journal.url(), props);
  }

  private static String script() {
    try (InputStream in = PostgresSchema.class.getClassLoader().getResourceAsStream(TABLES)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing resource " + TABLES, e);
    }
  }
}
