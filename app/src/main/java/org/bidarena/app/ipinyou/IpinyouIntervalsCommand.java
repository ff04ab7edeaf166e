package org.bidarena.app.ipinyou;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.ipinyou.EpisodeIntervals;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkManifest;
import org.bidarena.analysis.ipinyou.RecordedIpinyouBenchmark;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.analysis.stats.Bootstrap;
import org.bidarena.app.command.ReadJournalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "intervals",
    mixinStandardHelpOptions = true,
    description = {
      "Paired 95%% intervals between algorithms of a finished 'benchmark ipinyou' run, from its journal: at each c0"
          + " both algorithms replayed the same episodes, so each episode is a pair (percentile bootstrap and"
          + " Student's t, the code behind 'bidarena experiment'). Prints a table and writes intervals.csv to DIR."
    })
public final class IpinyouIntervalsCommand implements Callable<Integer> {
  static final String DEFAULT_PAIRS = "lin-const,lin-rand,rlb-lin";

  @Parameters(index = "0", paramLabel = "DIR", description = "The benchmark's run folder.")
  Path dir;

  @Option(names = "--pairs", paramLabel = "LIST", split = ",",
      description = "B-A pairs of algorithms (default: " + DEFAULT_PAIRS + ", those the benchmark played).")
  List<String> pairs;

  @Option(names = "--metric", paramLabel = "clicks|impressions|cost", defaultValue = "clicks",
      description = "The figure compared per episode (default: ${DEFAULT-VALUE}).")
  String metric;

  @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
      description = "Bootstrap resamples, at least 100 (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--bootstrap-seed", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_SEED,
      description = "Seed of the bootstrap's draws (default: ${DEFAULT-VALUE}).")
  long bootstrapSeed;

  @Mixin ReadJournalOptions journal = new ReadJournalOptions();

  @Override
  public Integer call() throws Exception {
    if (resamples < 100) {
      throw new BadInput("--resamples must be at least 100, got " + resamples);
    }
    EpisodeIntervals.Figure figure = EpisodeIntervals.Figure.parse(metric);
    List<EpisodeIntervals.Pair> wanted = EpisodeIntervals.Pair.parse(pairs != null ? pairs
        : new ArrayList<>(List.of(DEFAULT_PAIRS.split(","))));
    RunFolder folder = RunFolder.openAny(dir);
    if (folder.kind() != RunFolder.Kind.BENCHMARK) {
      throw new BadInput(dir + " holds a simulated run, not a log-replay benchmark; for runs over seeds use"
          + " 'bidarena experiment'");
    }
    EpisodeIntervals.Collector episodes = new EpisodeIntervals.Collector(figure);
    RecordedIpinyouBenchmark run =
        RecordedIpinyouBenchmark.read(folder, journal.settings(folder), journal.describe(folder), episodes);
    IpinyouBenchmarkManifest manifest = run.manifest();
    List<EpisodeIntervals.Line> lines = EpisodeIntervals.compute(manifest, episodes, wanted,
        new Bootstrap(resamples, bootstrapSeed), pairs != null);
    System.out.printf("Benchmark %s: %d episodes of %d auctions; %,d bootstrap resamples (seed %d)%n", dir,
        manifest.episodes(), manifest.episode(), resamples, bootstrapSeed);
    System.out.print(EpisodeIntervals.table(lines, figure));
    Path csv = dir.resolve("intervals.csv");
    RunFolder.writeAtomically(csv, EpisodeIntervals.csv(lines, figure));
    System.out.println("wrote " + csv);
    return 0;
  }
}
