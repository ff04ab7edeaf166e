package org.bidarena.app.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bidarena.analysis.export.SqlQuery;
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
    System.out.print(SqlQuery.run(export, tables, query, maxRows));
    return 0;
  }
}
