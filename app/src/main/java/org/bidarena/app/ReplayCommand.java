package org.bidarena.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds a run's metrics from its journal alone, through Pekko Persistence Query (events by tag), without"
          + " running anything again.",
      "Prints the same table and 'digest:' line as the run did and writes DIR/replay-summary.json and DIR/replay-ticks.csv,"
          + " which equal the run's summary.json and ticks.csv. Refuses a journal that belongs to another scenario or seed than"
          + " DIR/run.json.",
      "Examples:  bidarena replay runs/my-run",
      "           bidarena replay runs/my-run --jdbc-url jdbc:postgresql://127.0.0.1:5432/test"
    })
final class ReplayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The run folder, as made by 'bidarena run'.")
  Path dir;

  @Mixin ReadJournalOptions journal = new ReadJournalOptions();

  @Override
  public Integer call() throws Exception {
    RunFolder folder = RunFolder.open(dir);
    long start = System.nanoTime();
    RecordedRun run = RecordedRun.read(folder, journal.settings(folder), journal.describe(folder), false);
    Path out = dir.resolve("replay-summary.json");
    RunFolder.writeAtomically(out, run.summary().toJson());
    RunFolder.writeAtomically(dir.resolve("replay-ticks.csv"), JournalReader.ticksCsv(run.scenario(), run.ticks()));
    System.out.printf("Replayed %d ticks of %s from %s in %.1f s%n", run.summary().ticks(), dir,
        journal.describe(folder), (System.nanoTime() - start) / 1e9);
    return Report.print(run.summary(), out + " and " + dir.resolve("replay-ticks.csv"));
  }
}
