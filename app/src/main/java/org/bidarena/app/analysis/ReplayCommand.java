package org.bidarena.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkManifest;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkRow;
import org.bidarena.analysis.ipinyou.RecordedIpinyouBenchmark;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.metrics.TicksCsv;
import org.bidarena.analysis.report.Report;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.ReadJournalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds a run's metrics from its journal alone, through Pekko Persistence Query, without"
          + " running anything again.",
      "Prints the same table and 'digest:' line as the run did and writes DIR/replay-summary.json and DIR/replay-ticks.csv,"
          + " which equal the run's summary.json and ticks.csv. Refuses a journal that belongs to another scenario or seed than"
          + " DIR/run.json, and a finished run's journal whose digest is not the one in DIR/summary.json. An unfinished"
          + " run is refused unless --partial is given; then its complete ticks are replayed into"
          + " DIR/replay-partial-summary.json and DIR/replay-partial-ticks.csv.",
      "For the folder of 'benchmark ipinyou', prints the benchmark's table from the journal and writes"
          + " DIR/replay-benchmark.csv and DIR/replay-summary.json, which equal its benchmark.csv and summary.json.",
      "Examples:  bidarena replay runs/my-run",
      "           bidarena replay runs/my-run --jdbc-url jdbc:postgresql://127.0.0.1:5432/test"
    })
public final class ReplayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The run folder, as made by 'bidarena run' or 'bidarena benchmark ipinyou'.")
  Path dir;

  @Mixin ReadJournalOptions journal = new ReadJournalOptions();

  @Mixin PartialOption partial = new PartialOption();

  @Override
  public Integer call() throws Exception {
    RunFolder folder = RunFolder.openAny(dir);
    if (folder.kind() == RunFolder.Kind.BENCHMARK) {
      return replayBenchmark(folder);
    }
    long start = System.nanoTime();
    RecordedRun run = RecordedRun.read(folder, journal.settings(folder), journal.describe(folder), false, partial.partial);
    // A partial replay has files of its own: it never passes for the replay of the finished run.
    String prefix = run.coverage().partial() ? "replay-partial-" : "replay-";
    Path out = dir.resolve(prefix + "summary.json");
    Path ticks = dir.resolve(prefix + "ticks.csv");
    write(out, run.summary().toJson());
    write(ticks, TicksCsv.of(run.scenario(), run.ticks(), run.tickOutcomes()));
    System.out.printf("Replayed %d ticks of %s from %s in %.1f s%n", run.summary().ticks(), dir,
        journal.describe(folder), (System.nanoTime() - start) / 1e9);
    if (run.coverage().partial()) {
      System.out.println(run.coverage().label());
    }
    return Report.print(run.summary(), out + " and " + ticks);
  }

  /** Writes into the run folder, or says in one line why it cannot (a read-only folder, say). */
  static void write(Path file, String text) {
    try {
      RunFolder.writeAtomically(file, text);
    } catch (IOException e) {
      throw new BadInput("cannot write " + file + ": " + BadInput.ioReason(e) + "; the run folder must be writable");
    }
  }

  /** A benchmark's table from its journal: written as replay-benchmark.csv and replay-summary.json. */
  private int replayBenchmark(RunFolder folder) throws Exception {
    long start = System.nanoTime();
    RecordedIpinyouBenchmark run = RecordedIpinyouBenchmark.read(folder, journal.settings(folder), journal.describe(folder), e -> {});
    Path csv = dir.resolve("replay-benchmark.csv");
    Path summary = dir.resolve("replay-summary.json");
    write(csv, IpinyouBenchmarkManifest.csv(run.rows()));
    write(summary, run.manifest().summaryJson(run.rows()));
    System.out.printf("Replayed the benchmark in %s (%d partitions of %d episodes) from %s in %.1f s%n%n", dir,
        run.rows().size(), run.manifest().episodes(), journal.describe(folder), (System.nanoTime() - start) / 1e9);
    System.out.print(IpinyouBenchmarkRow.table(run.rows()));
    System.out.println("wrote " + csv + " and " + summary);
    System.out.println("digest: " + run.digest());
    return 0;
  }
}
