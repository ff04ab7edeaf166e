package org.bidarena.app.allocate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import org.bidarena.allocation.AllocationFiles;
import org.bidarena.allocation.AllocationJournal;
import org.bidarena.allocation.Comparison;
import org.bidarena.allocation.Forecast;
import org.bidarena.protos.AllocationStartedProto;
import org.bidarena.allocation.AllocationSettings;
import org.bidarena.allocation.Allocators;
import org.bidarena.allocation.ChannelSpec;
import org.bidarena.allocation.DayRecord;
import org.bidarena.allocation.History;
import org.bidarena.allocation.Insights;
import org.bidarena.allocation.SeedResult;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.stats.Bootstrap;
import org.bidarena.analysis.stats.Interval;
import org.bidarena.analysis.stats.PairedComparison;
import org.bidarena.analysis.stats.TInterval;
import org.bidarena.analysis.stats.Verdict;
import org.bidarena.app.command.ScenarioArgument;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "allocate",
    mixinStandardHelpOptions = true,
    description = {
      "Splits the scenario's daily budget across its marketing channels (its allocation block) once a simulated"
          + " day, with one or more allocators, on seeds S..S+N-1; each day's optimum under the same bounds, from the"
          + " true response curves, gives each allocator's regret.",
      "Prints each day's split (first seed), per-seed totals, totals with 95%% intervals over seeds, each"
          + " allocator against the first one (paired over seeds), and rule-based insights. Writes plan.csv,"
          + " allocations.csv, totals.csv, report.html and allocations.journal (and forecast.csv) to --out."
    })
public final class AllocateCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.conf",
      description = "A scenario with an allocation block.")
  Path scenarioFile;

  @Option(names = "--replay", paramLabel = "DIR",
      description = "Re-runs the allocations.journal of an earlier --out DIR, checks every day against it and"
          + " rebuilds its files (into --out, default DIR/replay).")
  Path replayDir;

  @Option(names = "--allocator", paramLabel = "NAME", split = ",",
      description = "fixed, proportional, thompson, ppo; several are compared with the first (default fixed).")
  List<String> allocators = List.of("fixed");

  @Option(names = "--days", paramLabel = "N", description = "Days (default: allocation.days of the scenario).")
  Integer days;

  @Option(names = "--history", paramLabel = "FILE", description = "Past days as priors: CSV (" + History.HEADER + ") or Parquet (FILE.parquet, those columns).")
  Path historyFile;

  @Option(names = "--seeds", paramLabel = "N", description = "How many seeds (default ${DEFAULT-VALUE}).")
  int seeds = 1;

  @Option(names = "--first-seed", paramLabel = "S", description = "Seeds S..S+N-1 instead (default ${DEFAULT-VALUE}).")
  long firstSeed = 1;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/allocate-SCENARIO).")
  Path out;

  @Option(names = "--forecast", paramLabel = "N",
      description = "Afterwards, each allocator's plan for the next N days (first seed), without new outcomes,"
          + " valued against the optimum; also forecast.csv (default ${DEFAULT-VALUE}: none).")
  int forecast;

  @Option(names = "--insights-endpoint", paramLabel = "URL",
      description = "An OpenAI-compatible API base (e.g. http://127.0.0.1:8000/v1) whose chat endpoint rewrites the"
          + " insights; the key, if it needs one, from the environment variable "
          + InsightsRewriter.KEY_VARIABLE + ".")
  String insightsEndpoint;

  @Option(names = "--insights-model", paramLabel = "NAME", description = "The model asked (default ${DEFAULT-VALUE}).")
  String insightsModel = "default";

  @Option(names = "--quiet", description = "Prints no per-day lines.")
  boolean quiet;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (replayDir != null) {
      if (scenarioFile != null) {
        throw new BadInput("--replay DIR takes no scenario: the journal holds it");
      }
      return replay();
    }
    if (scenarioFile == null) {
      throw new BadInput("allocate needs a scenario with an allocation block, e.g. scenarios/channels.conf, or"
          + " --replay DIR");
    }
    Path file = ScenarioArgument.check(scenarioFile);
    Scenario scenario = ScenarioLoader.load(file, List.of(), null);
    AllocationSettings settings = AllocationSettings.of(file);
    for (String a : allocators) {
      if (!Allocators.NAMES.contains(a)) {
        throw new BadInput("--allocator " + a + ": unknown; allowed: " + String.join(", ", Allocators.NAMES));
      }
    }
    if (allocators.stream().distinct().count() != allocators.size()) {
      throw new BadInput("--allocator names an allocator twice: " + String.join(",", allocators));
    }
    int n = days == null ? settings.days() : days;
    if (n < 1 || n > 3650) {
      throw new BadInput("--days must be 1..3650, got " + n);
    }
    if (seeds < 1 || seeds > 1000) {
      throw new BadInput("--seeds must be 1..1000, got " + seeds);
    }
    if (insightsEndpoint != null && !insightsEndpoint.matches("https?://.+")) {
      throw new BadInput("--insights-endpoint must be an http:// or https:// URL, got " + insightsEndpoint);
    }
    if (forecast < 0 || forecast > 365) {
      throw new BadInput("--forecast must be 0..365 days, got " + forecast);
    }
    if (firstSeed < 0 || firstSeed > Long.MAX_VALUE - seeds) {
      throw new BadInput("--first-seed must be 0 or more, got " + firstSeed);
    }
    long lastSeed = firstSeed + seeds - 1;
    History history = History.empty();
    List<String> historyLines = List.of();
    if (historyFile != null) {
      if (!Files.isRegularFile(historyFile)) {
        throw new BadInput("--history " + historyFile + " does not exist");
      }
      try {
        historyLines = HistoryFile.lines(historyFile);
        history = History.parse(historyFile.toString(), historyLines, settings.channels());
      } catch (IllegalArgumentException e) {
        throw new BadInput(e.getMessage());
      }
    }
    Path dir = out != null ? out : Path.of("runs", "allocate-" + scenario.name());
    if (Files.exists(dir.resolve("plan.csv")) || Files.exists(dir.resolve(AllocationJournal.FILE))) {
      throw new BadInput(dir + " already holds an allocation; choose another --out or remove it");
    }
    double margin = scenario.reporting().margin();
    // the history as CSV text (a Parquet file converted), so that a replay needs no file but the journal
    String historyText = historyFile == null ? "" : String.join("\n", historyLines) + "\n";
    AllocationStartedProto started = AllocationStartedProto.newBuilder()
        .setSettingsJson(ConfigFactory.parseFile(file.toFile()).resolve().root().render(ConfigRenderOptions.concise()))
        .setScenarioSeed(scenario.seed()).setMarginPpm(scenario.reporting().marginPpm()).setDays(n)
        .addAllAllocators(allocators).setFirstSeed(firstSeed).setSeeds(seeds)
        .addAllChannels(settings.channels().stream().map(ChannelSpec::id).toList()).setHistoryCsv(historyText).build();
    System.out.printf(Locale.ROOT, "allocate: %s, %s a day over %s, %d days, seeds %d..%d, allocators %s%s%n",
        scenario.name(), money(settings.budgetMicros()), String.join(", ", started.getChannelsList()),
        n, firstSeed, lastSeed, String.join(", ", allocators), historyFile == null ? "" : ", history " + historyFile
            + " (" + history.days().size() + " days)");
    Map<String, List<SeedResult>> byAllocator;
    try (AllocationJournal journal = AllocationJournal.create(dir, started)) {
      byAllocator = Comparison.run(settings, margin, scenario.seed(), n, firstSeed, seeds, allocators, history,
          printer(settings, margin, (a, seed, r) -> journal.append(a, seed, r)));
    }
    report(scenario.name(), byAllocator, settings, margin, n, dir);
    return 0;
  }

  /** Something done with every day: journaling it, or checking it against the journal. */
  private interface DaySink {
    void accept(String allocator, long seed, DayRecord r) throws IOException;
  }

  private Comparison.Listener printer(AllocationSettings settings, double margin, DaySink sink) {
    List<ChannelSpec> channels = settings.channels();
    return new Comparison.Listener() {
      @Override
      public void onPpoEpisode(int done, int total, double reward) {
        if (done % Math.max(1, total / 10) == 0 || done == total) {
          System.out.printf(Locale.ROOT, "ppo training: episode %d/%d, mean reward %.4f%n", done, total, reward);
        }
      }

      @Override
      public void onDay(String allocator, long seed, DayRecord r) {
        try {
          sink.accept(allocator, seed, r);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        if (!quiet && seed == firstSeed) {
          if (r.day() == 0) {
            System.out.println(header(allocator, channels));
          }
          System.out.println(dayLine(r, margin));
        }
      }

      @Override
      public void onSeed(SeedResult result) {
        System.out.printf(Locale.ROOT, "%s seed %d (%d of %d): profit %s, ROAS %.3f, conversions %d, regret %s"
            + " (first week %s)%n", result.allocator(), result.seed(), result.seed() - firstSeed + 1, seeds,
            money(result.profit(margin)), result.roas(), result.conversions(), money(result.regret()),
            money(result.regret(7)));
      }
    };
  }

  /**
   * Replays DIR: runs its journaled settings again, checks every day against its record byte for byte, and
   * rebuilds the report and the CSV files (into --out, default DIR/replay).
   */
  private Integer replay() throws IOException {
    AllocationJournal.Recorded recorded;
    try {
      recorded = AllocationJournal.read(replayDir);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
    AllocationStartedProto s = recorded.started();
    AllocationSettings settings = AllocationSettings.of(
        ConfigFactory.parseString(s.getSettingsJson()).getConfig("allocation"));
    History history = s.getHistoryCsv().isEmpty() ? History.empty()
        : History.parse("(journaled)", s.getHistoryCsv().lines().toList(), settings.channels());
    Path dir = out != null ? out : replayDir.resolve("replay");
    if (Files.exists(dir.resolve("plan.csv")) || Files.exists(dir.resolve(AllocationJournal.FILE))) {
      throw new BadInput(dir + " already holds an allocation; choose another --out or remove it");
    }
    double margin = s.getMarginPpm() / 1e6;
    firstSeed = s.getFirstSeed();
    seeds = s.getSeeds();
    System.out.printf(Locale.ROOT, "replay: %s, %d days, seeds %d..%d, allocators %s, %d journaled days%n",
        replayDir, s.getDays(), firstSeed, firstSeed + seeds - 1, String.join(", ", s.getAllocatorsList()),
        recorded.days().size());
    int[] next = {0};
    Map<String, List<SeedResult>> byAllocator;
    try {
      byAllocator = Comparison.run(settings, margin, s.getScenarioSeed(), s.getDays(),
        firstSeed, seeds, s.getAllocatorsList(), history, printer(settings, margin, (a, seed, r) -> {
          String at = a + " seed " + seed + " day " + r.day();
          if (next[0] >= recorded.days().size()) {
            throw new ReplayDiverged("the journal ends before " + at);
          }
          byte[] journaled = recorded.days().get(next[0]++).toByteArray();
          if (!java.util.Arrays.equals(journaled, AllocationJournal.event(a, seed, r).toByteArray())) {
            throw new ReplayDiverged("replay diverged at " + at + ": the re-run day differs from its journaled record");
          }
        }));
      if (next[0] != recorded.days().size()) {
        throw new ReplayDiverged("the journal holds " + recorded.days().size() + " days, the re-run " + next[0]);
      }
    } catch (ReplayDiverged e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
    System.out.println("replay: all " + next[0] + " days match the journal byte for byte");
    report("replay of " + replayDir, byAllocator, settings, margin, s.getDays(), dir);
    return 0;
  }

  /** The re-run of a journal does not match it. */
  public static final class ReplayDiverged extends RuntimeException {
    ReplayDiverged(String message) {
      super(message);
    }
  }

  private void report(String title, Map<String, List<SeedResult>> byAllocator, AllocationSettings settings,
      double margin, int n, Path dir) throws IOException {
    List<ChannelSpec> channels = settings.channels();
    org.bidarena.allocation.Bounds bounds = settings.bounds();
    List<String> names = new ArrayList<>(byAllocator.keySet());
    List<SeedResult> all = new ArrayList<>();
    byAllocator.values().forEach(all::addAll);
    System.out.println();
    System.out.println("totals over seeds (mean and 95% t-interval; money over all " + n + " days):");
    System.out.printf(Locale.ROOT, "%-13s %26s %22s %14s %24s%n", "allocator", "profit", "regret", "ROAS",
        "conversions");
    for (var e : byAllocator.entrySet()) {
      List<SeedResult> rs = e.getValue();
      System.out.printf(Locale.ROOT, "%-13s %26s %22s %14s %24s%n", e.getKey(),
          interval(rs.stream().mapToDouble(r -> r.profit(margin) / 1e6).toArray(), true),
          interval(rs.stream().mapToDouble(r -> r.regret() / 1e6).toArray(), true),
          interval(rs.stream().mapToDouble(SeedResult::roas).toArray(), false),
          interval(rs.stream().mapToDouble(r -> (double) r.conversions()).toArray(), true));
    }
    double[] optimal = byAllocator.values().iterator().next().stream()
        .mapToDouble(r -> r.days().stream().mapToDouble(DayRecord::optimalProfit).sum() / 1e6).toArray();
    System.out.println("the optimum (each day's best split under the bounds, valued in the long run, noise-free): "
        + interval(optimal, true) + " expected profit; regret is what a split's long-run value falls short of it");
    String base = names.get(0);
    if (names.size() > 1 && seeds >= 2) {
      System.out.println();
      double[] a = byAllocator.get(base).stream().mapToDouble(r -> r.profit(margin) / 1e6).toArray();
      for (String other : names.subList(1, names.size())) {
        double[] b = byAllocator.get(other).stream().mapToDouble(r -> r.profit(margin) / 1e6).toArray();
        PairedComparison c = PairedComparison.of(a, b, Bootstrap.defaults(), Verdict.Direction.HIGHER_IS_BETTER);
        System.out.printf(Locale.ROOT, "%s - %s profit: %+,.2f, 95%% bootstrap [%+,.2f, %+,.2f], t [%+,.2f, %+,.2f] over"
            + " %d paired seeds%n", other, base, c.meanDifference(), c.bootstrap().low(), c.bootstrap().high(),
            c.t().low(), c.t().high(), c.n());
      }
    }
    System.out.println();
    List<String> insights = new ArrayList<>();
    for (var e : byAllocator.entrySet()) {
      SeedResult first = e.getValue().get(0);
      System.out.println("insights for " + e.getKey() + " (seed " + first.seed() + "):");
      List<String> lines = new ArrayList<>(Insights.analyst(first.days(), channels));
      lines.addAll(Insights.strategist(first.days(), first.market(), bounds));
      for (String l : lines) {
        System.out.println("  " + l);
        insights.add(e.getKey() + ", seed " + first.seed() + ": " + l);
      }
    }
    if (insightsEndpoint != null) {
      try {
        String note = new InsightsRewriter(insightsEndpoint, insightsModel, System.getenv(InsightsRewriter.KEY_VARIABLE))
            .rewrite(insights);
        System.out.println("insights rewritten by " + insightsEndpoint + ":");
        note.lines().forEach(l -> System.out.println("  " + l));
      } catch (IOException | RuntimeException e) {
        System.out.println("warning: the insights endpoint failed (" + BadInput.rootMessage(e) + "); the rule-based"
            + " insights above stand");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    AllocationFiles.write(dir, all, margin);
    if (forecast > 0) {
      forecast(byAllocator, settings, dir);
    }
    Files.writeString(dir.resolve("report.html"), AllocationReport.render(title, byAllocator, settings, margin,
        insights));
    System.out.println("wrote " + dir.resolve("plan.csv") + ", allocations.csv, totals.csv, report.html"
        + (forecast > 0 ? ", forecast.csv" : "") + (Files.exists(dir.resolve(AllocationJournal.FILE)) ? ", " + AllocationJournal.FILE : ""));
  }

  private void forecast(Map<String, List<SeedResult>> byAllocator, AllocationSettings settings, Path dir)
      throws IOException {
    org.bidarena.allocation.Bounds bounds = settings.bounds();
    org.bidarena.allocation.Optimum optimum = new org.bidarena.allocation.Optimum(bounds, settings.optimumSteps());
    List<ChannelSpec> channels = settings.channels();
    StringBuilder csv = new StringBuilder("allocator,seed,day,channel,share,budget,optimal_budget,day_value,"
        + "day_optimal_value,day_regret\n");
    System.out.println();
    for (var e : byAllocator.entrySet()) {
      SeedResult first = e.getValue().get(0);
      List<Forecast.Day> plan = Forecast.plan(first, bounds, optimum, forecast);
      System.out.println("forecast for " + e.getKey() + " (seed " + first.seed() + "), next " + forecast + " days:");
      double regret = 0;
      for (Forecast.Day d : plan) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  day %3d:", d.day()));
        for (int i = 0; i < channels.size(); i++) {
          line.append(String.format(Locale.ROOT, " %5.1f%% %5.0f", 100 * d.shares()[i], d.budgets()[i] / 1e6));
          csv.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%.6f,%s,%s,%.2f,%.2f,%.2f%n", e.getKey(), first.seed(),
              d.day(), channels.get(i).id(), d.shares()[i], org.bidarena.core.scenario.Money.format(d.budgets()[i]),
              org.bidarena.core.scenario.Money.format(d.optimalBudgets()[i]), d.value() / 1e6, d.optimalValue() / 1e6,
              d.regret() / 1e6));
        }
        regret += d.regret();
        System.out.println(line.append(String.format(Locale.ROOT, "  expected profit %s, regret %s",
            money(d.value()), money(d.regret()))));
      }
      System.out.println("  planned regret over the " + forecast + " days: " + money(regret));
    }
    Files.writeString(dir.resolve("forecast.csv"), csv);
  }

  private static String header(String name, List<ChannelSpec> channels) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s, first seed: %-4s", name, "day"));
    for (ChannelSpec c : channels) {
      b.append(String.format(Locale.ROOT, " %12s", c.id()));
    }
    return b.append(String.format(Locale.ROOT, " %10s %11s %10s", "conv", "profit", "regret")).toString();
  }

  private static String dayLine(DayRecord r, double margin) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  day %3d:", r.day()));
    for (int i = 0; i < r.shares().length; i++) {
      b.append(String.format(Locale.ROOT, " %5.1f%% %5.0f", 100 * r.shares()[i], r.budgets()[i] / 1e6));
    }
    return b.append(String.format(Locale.ROOT, " %10d %11s %10s", r.conversions(), money(r.profit(margin)),
        money(r.regret()))).toString();
  }

  private static String money(double micros) {
    return String.format(Locale.ROOT, "%,.2f", micros / 1e6);
  }

  private static String interval(double[] x, boolean money) {
    double mean = java.util.Arrays.stream(x).average().orElse(0);
    String fmt = money ? "%,.0f" : "%.3f";
    if (x.length < 2) {
      return String.format(Locale.ROOT, fmt, mean);
    }
    Interval ci = TInterval.of(x, 0.95);
    return String.format(Locale.ROOT, fmt + " [" + fmt + ", " + fmt + "]", mean, ci.low(), ci.high());
  }
}
