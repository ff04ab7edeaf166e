package org.bidarena.app.analysis;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bidarena.analysis.export.SqlQuery;
import org.bidarena.analysis.export.TableExport;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.journal.Coverage;
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
          + " they are exported again whenever they are missing or not an export of the journal as it is now (see"
          + " DIR/export/fingerprint.txt). A benchmark's folder has the view 'auctions' only.",
      "Read-only: QUERY must be one query (SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE, SHOW); COPY, ATTACH,"
          + " INSTALL, LOAD, SET, PRAGMA, CREATE and the like are refused, and only the export's files can be read.",
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

  @Mixin PartialOption partial = new PartialOption();

  @Override
  public Integer call() throws Exception {
    if (maxRows < 0) {
      throw new BadInput("--max-rows " + maxRows + ": must be 0 or more");
    }
    RunFolder folder = RunFolder.openAny(dir);
    RunExporter exporter = new RunExporter(folder, journal.settings(folder), journal.describe(folder), partial.partial);
    Path export = dir.resolve("export");
    // Answers come from the journal as it is now: an export of an older state, or changed since, is made again.
    Coverage coverage = exporter.current(export);
    if (coverage == null) {
      coverage = exporter.export(export, TableExport.Format.PARQUET, "cannot write ");
    }
    String answer = SqlQuery.run(export, exporter.tables(), query, maxRows);
    if (coverage.partial()) {
      System.out.println(coverage.label());
    }
    System.out.print(answer);
    return 0;
  }
}
