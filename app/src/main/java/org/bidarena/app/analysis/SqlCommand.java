package org.bidarena.app.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.export.TableExport;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkExport;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.ReadJournalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Runs DuckDB SQL over a run's tables and prints the result as a table.",
      "The views 'auctions' and 'outcomes' (see 'bidarena export --help' for their columns) read DIR/export/*.parquet;"
          + " when those files are missing they are exported first. A benchmark's folder has the view 'auctions' only.",
      "Examples:",
      "  bidarena sql runs/my-run \"SELECT winner, count(*) AS impressions, sum(price_micros) / 1e6 AS spend"
          + " FROM auctions WHERE winner IS NOT NULL GROUP BY 1 ORDER BY 1\"",
      "  bidarena sql runs/my-run \"SELECT stage, quantile_cont(price_micros / 1000.0, [0.25, 0.5, 0.75]) AS cpm"
          + " FROM auctions WHERE winner IS NOT NULL GROUP BY 1\""
    })
public final class SqlCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The run folder, as made by 'bidarena run' or 'bidarena benchmark ipinyou'.")
  Path dir;

  @Parameters(index = "1", paramLabel = "QUERY", description = "One DuckDB SQL statement.")
  String query;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "200",
      description = "Print at most N rows (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Mixin ReadJournalOptions journal = new ReadJournalOptions();

  @Override
  public Integer call() throws Exception {
    RunFolder folder = RunFolder.openAny(dir);
    boolean benchmark = folder.kind() == RunFolder.Kind.BENCHMARK;
    List<String> tables = benchmark ? IpinyouBenchmarkExport.TABLES : TableExport.TABLES;
    Path export = dir.resolve("export");
    if (!tables.stream().allMatch(t -> Files.isRegularFile(TableExport.file(export, t, TableExport.Format.PARQUET)))) {
      if (benchmark) {
        IpinyouBenchmarkExport.write(folder, journal.settings(folder), journal.describe(folder), export,
            TableExport.Format.PARQUET);
      } else {
        RecordedRun run = RecordedRun.read(folder, journal.settings(folder), journal.describe(folder), true);
        TableExport.write(run, export, TableExport.Format.PARQUET);
      }
    }
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
      System.out.print(format(rs, maxRows));
    }
    return 0;
  }

  /** A result set as an aligned text table. */
  static String format(ResultSet rs, int maxRows) throws SQLException {
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
