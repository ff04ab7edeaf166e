package org.bidarena.app.analysis;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bidarena.analysis.export.TableExport;
import org.bidarena.analysis.journal.Coverage;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.ReadJournalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Exports a run's auctions, bids and outcomes as Parquet or CSV tables, for DuckDB, pandas or Polars.",
      "Tables:",
      "  auctions  one row per auction: auction_id, tick, day (from 0), partition, customer, stage, winner (agent id or"
          + " null), price_micros, reserve_micros, and, with at most 64 agents, bid_<agent> per agent (its accepted"
          + " bid, 0 = none)",
      "  bids      one row per accepted bid: auction_id, tick, agent, bid_micros, creative, won",
      "  outcomes  one row per click or purchase: tick, day (from 0), shard, customer, agent (credited), clicked, purchased,"
          + " revenue_micros",
      "For the folder of 'benchmark ipinyou', one table: auctions  one row per replayed log line and algorithm:"
          + " auction_id, episode, partition, agent (algorithm@c0), log_line, bid_micros, market_price_micros, winner"
          + " (the agent or market), price_micros, logged_click.",
      "Money is in micro-units (1 currency unit = 1,000,000); bids and prices are per impression.",
      "Example:  bidarena export runs/my-run --format parquet --to /tmp/my-run-tables"
    })
public final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The run folder, as made by 'bidarena run' or 'bidarena benchmark ipinyou'.")
  Path dir;

  @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet",
      description = "The file format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--to", paramLabel = "OUTDIR",
      description = "Where to write auctions.<format> and outcomes.<format> (default: DIR/export).")
  Path to;

  @Mixin ReadJournalOptions journal = new ReadJournalOptions();

  @Mixin PartialOption partial = new PartialOption();

  @Override
  public Integer call() throws Exception {
    TableExport.Format f = TableExport.format(format);
    RunFolder folder = RunFolder.openAny(dir);
    Path out = to != null ? to : dir.resolve("export");
    RunExporter exporter = new RunExporter(folder, journal.settings(folder), journal.describe(folder), partial.partial);
    Coverage coverage = exporter.export(out, f, to != null ? "--to " : "cannot write ");
    if (coverage.partial()) {
      System.out.println(coverage.label());
    }
    for (String table : exporter.tables()) {
      System.out.println("wrote " + TableExport.file(out, table, f));
    }
    return 0;
  }
}
