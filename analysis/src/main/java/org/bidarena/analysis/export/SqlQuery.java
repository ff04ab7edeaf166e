package org.bidarena.analysis.export;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.analysis.BadInput;

/**
 * One DuckDB query over a run's exported Parquet tables, answered as an aligned text table.
 *
 * <p>An analysis command must never write: the statement is parsed first and refused unless it is exactly one
 * query (DuckDB serialises only queries to JSON, so COPY, ATTACH, INSTALL, LOAD, SET, PRAGMA, CREATE and the
 * like are refused before anything runs), and the database may then read the export's files alone, with its
 * configuration locked.
 */
public final class SqlQuery {
  private static final String ALLOWED = "one query: SELECT, WITH ... SELECT, FROM, VALUES, DESCRIBE, SUMMARIZE or SHOW";

  private SqlQuery() {}

  /** Runs {@code query} over views named after {@code tables}, each reading its Parquet file in {@code export}. */
  public static String run(Path export, List<String> tables, String query, int maxRows) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      List<String> files = new ArrayList<>();
      try (Statement s = c.createStatement()) {
        for (String table : tables) {
          String file = TableExport.literal(TableExport.file(export, table, TableExport.Format.PARQUET));
          files.add(file);
          s.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet(" + file + ")");
        }
      }
      requireOneQuery(c, query);
      try (Statement s = c.createStatement()) {
        s.execute("SET allowed_paths = [" + String.join(", ", files) + "]");
        s.execute("SET enable_external_access = false");
        s.execute("SET lock_configuration = true");
      }
      try (Statement s = c.createStatement()) {
        ResultSet rs;
        try {
          rs = s.executeQuery(query);
        } catch (SQLException e) {
          throw new BadInput("the query failed: " + BadInput.rootMessage(e));
        }
        return format(rs, maxRows);
      }
    }
  }

  /** Refuses, before it runs, anything but a single query. */
  static void requireOneQuery(Connection c, String query) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT coalesce(json_array_length(j -> 'statements'), 0),"
        + " coalesce(j ->> 'error_message', '') FROM (SELECT json_serialize_sql(?::VARCHAR)::JSON AS j)")) {
      p.setString(1, query);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        long statements = rs.getLong(1);
        String error = rs.getString(2);
        if (error.startsWith("Only SELECT statements")) {
          throw new BadInput("sql runs " + ALLOWED + "; statements that change or reach outside the run's"
              + " export (COPY, ATTACH, INSTALL, LOAD, SET, PRAGMA, CREATE, INSERT, ...) are refused");
        }
        if (!error.isEmpty()) {
          throw new BadInput("the query failed: " + error.lines().findFirst().orElse(error));
        }
        if (statements != 1) {
          throw new BadInput("sql runs " + ALLOWED + "; the text holds " + statements + " statements");
        }
      }
    }
  }

  /** A result set as an aligned text table. */
  private static String format(ResultSet rs, int maxRows) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[n];
    for (int i = 0; i < n; i++) {
      header[i] = meta.getColumnLabel(i + 1);
    }
    long total = 0;
    while (rs.next()) {
      total++;
      if (rows.size() < maxRows) {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
          Object v = rs.getObject(i + 1);
          row[i] = v == null ? "NULL" : v.toString();
        }
        rows.add(row);
      }
    }
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = header[i].length();
      for (String[] row : rows) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    appendRow(b, header, width);
    int line = 0;
    for (int w : width) line += w + 2;
    b.append("-".repeat(Math.max(0, line - 2))).append('\n');
    for (String[] row : rows) {
      appendRow(b, row, width);
    }
    b.append('(').append(total).append(total == 1 ? " row" : " rows");
    if (total > rows.size()) {
      b.append(", first ").append(rows.size()).append(" shown");
    }
    b.append(")\n");
    return b.toString();
  }

  private static void appendRow(StringBuilder b, String[] cells, int[] width) {
    for (int i = 0; i < cells.length; i++) {
      b.append(String.format("%-" + width[i] + "s", cells[i]));
      b.append(i + 1 < cells.length ? "  " : "\n");
    }
  }
}
