package org.bidarena.app.allocate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.allocation.History;

/**
 * The text of a {@code --history} file: a CSV as it is, or a Parquet file (by its {@code .parquet} name) read
 * with DuckDB into the same CSV lines, row k of the file being line k + 1, so that one parser checks both.
 */
final class HistoryFile {
  private HistoryFile() {}

  static List<String> lines(Path file) throws IOException {
    if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
    List<String> lines = new ArrayList<>(List.of(History.HEADER));
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement s = c.prepareStatement("SELECT CAST(day AS VARCHAR), CAST(segment_key AS VARCHAR),"
            + " CAST(clicks AS VARCHAR), CAST(conv AS VARCHAR), CAST(spent AS VARCHAR) FROM read_parquet(?)")) {
      s.setString(1, file.toString());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lines.add(String.join(",", field(rs, 1), field(rs, 2), field(rs, 3), field(rs, 4), field(rs, 5)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("history " + file + ": cannot be read as Parquet with columns "
          + History.HEADER + ": " + firstLine(e.getMessage()));
    }
    return lines;
  }

  private static String field(ResultSet rs, int i) throws SQLException {
    String v = rs.getString(i);
    return v == null ? "" : v;
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
