package org.bidarena.analysis.export;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.analysis.BadInput;

/** One DuckDB SQL statement over a run's exported Parquet tables, answered as an aligned text table. */
public final class SqlQuery {
  private SqlQuery() {}

  /** Runs {@code query} over views named after {@code tables}, each reading its Parquet file in {@code export}. */
  public static String run(Path export, List<String> tables, String query, int maxRows) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (String table : tables) {
        s.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet("
            + TableExport.literal(TableExport.file(export, table, TableExport.Format.PARQUET)) + ")");
      }
      ResultSet rs;
      try {
        rs = s.executeQuery(query);
      } catch (SQLException e) {
        throw new BadInput("the query failed: " + BadInput.rootMessage(e));
      }
      return format(rs, maxRows);
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
