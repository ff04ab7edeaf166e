package org.bidarena.app.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.attribution.Attribution;
import org.bidarena.analysis.attribution.AttributionModel;
import org.bidarena.analysis.attribution.AttributionTables;
import org.bidarena.analysis.attribution.Dimension;
import org.bidarena.analysis.attribution.Keys;
import org.bidarena.analysis.attribution.Models;
import org.bidarena.analysis.attribution.RunTouches;
import org.bidarena.analysis.attribution.TouchLog;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.ReadJournalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "attribute",
    mixinStandardHelpOptions = true,
    description = {
      "Credits a recorded run's conversions to its touches by several attribution models, and scores each against"
          + " the simulator's causal ground truth (the journaled expected share of every touch in every purchase).",
      "Prints conversions and revenue per key by the truth, the run's own last click and each model, then each"
          + " model's error against the truth. Writes attribution.csv, attribution-errors.csv, markov-transitions.csv"
          + " and removal-effects.csv.",
      "A conversion's path holds the touches since the customer's previous conversion (--lookback limits their"
          + " age). The rule-based and Markov models split the conversions that had at least one touch; shapley"
          + " splits its estimate of the conversions the ads added; the truth says how many the ads caused.",
      "Example:  bidarena attribute runs/my-run --by agent --models last,position,markov2,shapley --half-life 96",
      "Benchmark (no run folder): bidarena attribute --bench 10000000 times the attribution of a synthetic log of"
          + " that many touches (journeys, then each model) and prints the median seconds of --repeats runs."
    })
public final class AttributeCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
      description = "The run folder, as made by 'bidarena run' (none with --bench).")
  Path dir;

  @Option(names = "--bench", paramLabel = "TOUCHES",
      description = "Benchmark mode: attribute a synthetic log of this many touches (1..200000000) instead of a run.")
  String bench;

  @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
      description = "Benchmark mode: how many times to time it (1..100); the median is printed. Default: 3.")
  String repeats;

  @Option(names = "--by", paramLabel = "DIMENSION", defaultValue = "agent",
      description = "What credit is grouped by: agent, channel, creative or cell (campaign cells; runs without"
          + " cells refuse it). Default: ${DEFAULT-VALUE}.")
  String by;

  @Option(names = "--models", paramLabel = "LIST",
      defaultValue = "last,first,linear,time-decay,position,markov1,markov2,shapley,shapley-count",
      description = "Comma-separated models: last, first, linear, time-decay, position (40/20/40), markov1..markov4"
          + " (Markov chain of that order, exact removal effects), shapley (by conversion rate), shapley-count."
          + " Default: ${DEFAULT-VALUE}.")
  String models;

  @Option(names = "--half-life", paramLabel = "TICKS",
      description = "Time decay's half-life in ticks, a number above 0 (default: one simulated day).")
  String halfLife;

  @Option(names = "--lookback", paramLabel = "TICKS", defaultValue = "0",
      description = "Only touches younger than this many ticks count for a conversion; 0 (default): every touch"
          + " since the customer's previous conversion.")
  String lookback;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the CSV files go (default: the run folder).")
  Path out;

  @Mixin ReadJournalOptions journal = new ReadJournalOptions();

  @Mixin PartialOption partial = new PartialOption();

  @Override
  public Integer call() throws Exception {
    Dimension dimension = Dimension.parse(by);
    int lookbackTicks = lookbackTicks(lookback);
    Double givenHalfLife = halfLife == null ? null : halfLifeTicks(halfLife);
    Models.parse(models, givenHalfLife == null ? 1 : givenHalfLife);
    if (bench != null) {
      return bench(dimension, givenHalfLife == null ? 96 : givenHalfLife);
    }
    if (dir == null) {
      throw new BadInput("attribute needs a run folder DIR (or --bench TOUCHES for the benchmark)");
    }
    Path target = out == null ? dir : out;
    RunFolder folder = RunFolder.open(dir);
    requireWritable(target);
    RecordedRun run = RecordedRun.read(folder, journal.settings(folder), journal.describe(folder), true,
        partial.partial);
    double halfLifeTicks = givenHalfLife == null ? run.scenario().ticksPerDay() : givenHalfLife;
    List<AttributionModel> chosen = Models.parse(models, halfLifeTicks);
    TouchLog log = RunTouches.log(run.scenario(), run.auctions(), run.outcomes());
    if (dimension == Dimension.CELL && !log.hasCells()) {
      throw new BadInput("--by cell: the run's touches have no campaign cells; use --by agent, channel or creative");
    }
    Keys keys = RunTouches.keys(run.scenario(), dimension, log);
    Attribution attribution;
    try {
      attribution = Attribution.of(RunTouches.of(run.scenario(), run.auctions(), run.outcomes(), log, keys), keys,
          chosen, lookbackTicks);
    } catch (IllegalArgumentException e) {
      throw new BadInput("attribute --by " + dimension.key() + ": " + e.getMessage());
    }
    if (run.coverage().partial()) {
      System.out.println(run.coverage().label());
      System.out.println();
    }
    System.out.print(AttributionTables.text(attribution));
    try {
      Files.createDirectories(target);
      AttributionTables.write(attribution, target);
    } catch (IOException e) {
      throw new BadInput("cannot write the attribution files to " + target + ": " + BadInput.ioReason(e));
    }
    System.out.println("wrote " + String.join(", ", AttributionTables.FILES) + " to " + target);
    return 0;
  }

  /** Refuses, before the journal is read, a target that is a file or lies under one or in a read-only place. */
  private void requireWritable(Path target) {
    Path p = target.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    String option = out == null ? "the run folder " : "--out ";
    if (p == null || !Files.isDirectory(p)) {
      throw new BadInput(option + target + ": cannot write the attribution files there (" + p + " is not a directory)");
    }
    if (!Files.isWritable(p)) {
      throw new BadInput(option + target + ": cannot write the attribution files there (" + p + " is read-only)");
    }
  }

  private int bench(Dimension dimension, double halfLifeTicks) {
    if (dir != null) {
      throw new BadInput("--bench takes no run folder: it times a synthetic log (drop " + dir + ")");
    }
    int touches = whole("--bench", bench, 1, 200_000_000);
    int times = whole("--repeats", repeats, 1, 100);
    if (dimension == Dimension.CELL) {
      throw new BadInput("--by cell: the synthetic log has no campaign cells; use --by agent, channel or creative");
    }
    TouchLog log = org.bidarena.analysis.attribution.SyntheticTouches.of(touches, 1);
    Keys keys = Keys.of(dimension, org.bidarena.analysis.attribution.SyntheticTouches.AGENTS,
        org.bidarena.analysis.attribution.SyntheticTouches.CREATIVES, 0);
    System.out.printf("Attribution of a synthetic log: %,d touches, %,d customers, %,d conversions, by %s;"
        + " median of %d runs on %d cores.%n", log.touches(), log.customers(), log.conversions(), dimension.key(),
        times, Runtime.getRuntime().availableProcessors());
    var medians = org.bidarena.analysis.attribution.AttributionBench.medians(log, keys,
        Models.parse(models, halfLifeTicks), times);
    medians.forEach((phase, seconds) -> System.out.printf("  %-14s %8.2f s%n", phase, seconds));
    return 0;
  }

  private static int whole(String option, String text, int min, int max) {
    try {
      int v = Integer.parseInt(text.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // the one line below says what is allowed
    }
    throw new BadInput(option + " " + text + ": must be a whole number " + min + ".." + max);
  }

  static double halfLifeTicks(String text) {
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new BadInput("--half-life " + text + ": must be a number of ticks above 0, e.g. 96");
    }
    return v;
  }

  static int lookbackTicks(String text) {
    try {
      int v = Integer.parseInt(text.trim());
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the one line below
    }
    throw new BadInput("--lookback " + text + ": must be a whole number of ticks >= 0 (0: since the previous"
        + " conversion)");
  }
}
