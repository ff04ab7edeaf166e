package org.bidarena.app.allocate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bidarena.allocation.AllocationFiles;
import org.bidarena.allocation.AllocationRun;
import org.bidarena.allocation.AllocationSettings;
import org.bidarena.allocation.Allocator;
import org.bidarena.allocation.Allocators;
import org.bidarena.allocation.Bounds;
import org.bidarena.allocation.ChannelMarket;
import org.bidarena.allocation.ChannelSpec;
import org.bidarena.allocation.DayRecord;
import org.bidarena.allocation.History;
import org.bidarena.allocation.Insights;
import org.bidarena.allocation.Optimum;
import org.bidarena.allocation.PpoAllocator;
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
      "Prints each day's split (first seed), per-seed totals, totals with 95% intervals over seeds, each"
          + " allocator against the first one (paired over seeds), and rule-based insights. Writes plan.csv,"
          + " allocations.csv and totals.csv to --out."
    })
public final class AllocateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SCENARIO.conf", description = "A scenario with an allocation block.")
  Path scenarioFile;

  @Option(names = "--allocator", paramLabel = "NAME[,NAME...]", split = ",",
      description = "fixed, proportional, thompson, ppo; several are compared with the first (default fixed).")
  List<String> allocators = List.of("fixed");

  @Option(names = "--days", paramLabel = "N", description = "Days (default: allocation.days of the scenario).")
  Integer days;

  @Option(names = "--history", paramLabel = "FILE", description = "Past days as priors: CSV " + History.HEADER + ".")
  Path historyFile;

  @Option(names = "--seeds", paramLabel = "N", description = "How many seeds (default ${DEFAULT-VALUE}).")
  int seeds = 1;

  @Option(names = "--first-seed", paramLabel = "S", description = "Seeds S..S+N-1 instead (default ${DEFAULT-VALUE}).")
  long firstSeed = 1;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/allocate-SCENARIO).")
  Path out;

  @Option(names = "--quiet", description = "Prints no per-day lines.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
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
    if (firstSeed < 0 || firstSeed > Long.MAX_VALUE - seeds) {
      throw new BadInput("--first-seed must be 0 or more, got " + firstSeed);
    }
    long lastSeed = firstSeed + seeds - 1;
    History history = History.empty();
    if (historyFile != null) {
      if (!Files.isRegularFile(historyFile)) {
        throw new BadInput("--history " + historyFile + " does not exist");
      }
      try {
        history = History.read(historyFile, settings.channels());
      } catch (IllegalArgumentException e) {
        throw new BadInput(e.getMessage());
      }
    }
    Path dir = out != null ? out : Path.of("runs", "allocate-" + scenario.name());
    if (Files.exists(dir.resolve("plan.csv"))) {
      throw new BadInput(dir + " already holds plan.csv; choose another --out or remove it");
    }
    Bounds bounds = settings.bounds();
    double margin = scenario.reporting().margin();
    List<ChannelSpec> channels = settings.channels();
    System.out.printf(Locale.ROOT, "allocate: %s, %s a day over %s, %d days, seeds %d..%d, allocators %s%s%n",
        scenario.name(), money(settings.budgetMicros()), String.join(", ", channels.stream().map(ChannelSpec::id).toList()),
        n, firstSeed, lastSeed, String.join(", ", allocators), historyFile == null ? "" : ", history " + historyFile
            + " (" + history.days().size() + " days)");

    PpoAllocator ppo = null;
    if (allocators.contains("ppo")) {
      int episodes = settings.ppo().episodes();
      long t0 = System.nanoTime();
      ppo = PpoAllocator.train(settings, margin, scenario.seed(), n, (done, total, reward) -> {
        if (done % Math.max(1, total / 10) == 0 || done == total) {
          System.out.printf(Locale.ROOT, "ppo training: episode %d/%d, mean reward %.4f%n", done, total, reward);
        }
      });
      System.out.printf(Locale.ROOT, "ppo trained on %d episodes in %.1f s (training seeds from scenario seed %d)%n",
          episodes, (System.nanoTime() - t0) / 1e9, scenario.seed());
    }

    Optimum optimum = new Optimum(bounds, settings.optimumSteps());
    Map<String, List<SeedResult>> byAllocator = new LinkedHashMap<>();
    List<SeedResult> all = new ArrayList<>();
    for (String name : allocators) {
      List<SeedResult> list = new ArrayList<>();
      for (long seed = firstSeed; seed <= lastSeed; seed++) {
        ChannelMarket market = new ChannelMarket(channels, seed, settings.orderValueMicros(), margin, n);
        Allocator allocator = Allocators.create(name, settings, bounds, seed, history, ppo);
        boolean print = !quiet && seed == firstSeed;
        if (print) {
          System.out.println(header(name, channels));
        }
        List<DayRecord> records = AllocationRun.run(allocator, market, bounds, optimum, n,
            print ? r -> System.out.println(dayLine(r, margin)) : null);
        SeedResult result = new SeedResult(name, seed, records, market);
        list.add(result);
        all.add(result);
        System.out.printf(Locale.ROOT, "%s seed %d (%d of %d): profit %s, ROAS %.3f, conversions %d, regret %s (first week %s)%n",
            name, seed, seed - firstSeed + 1, seeds, money(result.profit(margin)), result.roas(), result.conversions(),
            money(result.regret()), money(result.regret(7)));
      }
      byAllocator.put(name, list);
    }

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
    String base = allocators.get(0);
    if (allocators.size() > 1 && seeds >= 2) {
      System.out.println();
      double[] a = byAllocator.get(base).stream().mapToDouble(r -> r.profit(margin) / 1e6).toArray();
      for (String other : allocators.subList(1, allocators.size())) {
        double[] b = byAllocator.get(other).stream().mapToDouble(r -> r.profit(margin) / 1e6).toArray();
        PairedComparison c = PairedComparison.of(a, b, Bootstrap.defaults(), Verdict.Direction.HIGHER_IS_BETTER);
        System.out.printf(Locale.ROOT, "%s - %s profit: %+,.2f, 95%% bootstrap [%+,.2f, %+,.2f], t [%+,.2f, %+,.2f] over"
            + " %d paired seeds%n", other, base, c.meanDifference(), c.bootstrap().low(), c.bootstrap().high(),
            c.t().low(), c.t().high(), c.n());
      }
    }
    System.out.println();
    for (var e : byAllocator.entrySet()) {
      SeedResult first = e.getValue().get(0);
      System.out.println("insights for " + e.getKey() + " (seed " + first.seed() + "):");
      Insights.analyst(first.days(), channels).forEach(l -> System.out.println("  " + l));
      Insights.strategist(first.days(), first.market(), bounds).forEach(l -> System.out.println("  " + l));
    }
    AllocationFiles.write(dir, all, margin);
    System.out.println("wrote " + dir.resolve("plan.csv") + ", allocations.csv, totals.csv");
    return 0;
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
