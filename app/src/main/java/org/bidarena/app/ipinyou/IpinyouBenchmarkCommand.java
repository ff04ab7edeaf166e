package org.bidarena.app.ipinyou;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bidarena.agents.replay.ReplayAlgorithm;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkManifest;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkRow;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.core.replay.BadLogException;
import org.bidarena.core.replay.IpinyouData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = "Replays real bid logs through the exchange and compares bidding algorithms on them.",
    subcommands = {IpinyouBenchmarkCommand.Ipinyou.class, IpinyouIntervalsCommand.class})
public final class IpinyouBenchmarkCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "ipinyou",
      mixinStandardHelpOptions = true,
      description = {
        "The RLB benchmark (Cai et al., WSDM 2017) on iPinYou campaign 2997: episodes of N auctions with the budget"
            + " reset in each, B = floor(cost_train / imp_train * c0 * N). Prints one row per algorithm and c0 and"
            + " writes benchmark.csv, summary.json and the journal of every replayed auction to the run folder."
      })
  static final class Ipinyou implements Callable<Integer> {
    static final String DEFAULT_C0 = "1/32,1/16,1/8,1/4,1/2";

    @Option(names = "--data", paramLabel = "DIR",
        description = "The data folder (test.theta.txt, info.json, lin-bid-b0.json). Default: $"
            + IpinyouLocator.ENV + ", else shared/data/ipinyou-2997 in this folder or a parent.")
    Path data;

    @Option(names = "--c0", paramLabel = "LIST", split = ",", defaultValue = DEFAULT_C0,
        description = "Budget ratios in (0, 1], as fractions or decimals (default: ${DEFAULT-VALUE}).")
    List<String> c0 = new ArrayList<>();

    @Option(names = "--algos", paramLabel = "LIST", split = ",", defaultValue = "const,rand,mcpc,lin,rlb",
        description = "Algorithms: const, rand, mcpc, lin, rlb (default: ${DEFAULT-VALUE}).")
    List<String> algos = new ArrayList<>();

    @Option(names = "--episode", paramLabel = "N", defaultValue = "1000",
        description = "Auctions per episode (default: ${DEFAULT-VALUE}, the protocol's N).")
    int episode;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of Rand's draws (default: 1).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
        description = "The run folder: new or empty (default: a new folder under runs/). Never overwritten.")
    Path out;

    @Override
    public Integer call() throws Exception {
      List<IpinyouBenchmark.BudgetRatio> ratios = new ArrayList<>();
      for (String text : c0) {
        IpinyouBenchmark.BudgetRatio ratio = parseRatio(text);
        // Two spellings of one ratio would print the same row twice.
        ratios.stream().filter(r -> r.value() == ratio.value()).findFirst().ifPresent(r -> {
          throw new BadInput("--c0 " + ratio.label() + " is given twice" + (r.label().equals(ratio.label()) ? ""
              : " (as " + r.label() + " and " + ratio.label() + ")") + "; give each budget ratio once");
        });
        ratios.add(ratio);
      }
      if (ratios.isEmpty()) {
        throw new BadInput("--c0 names no budget ratio; give one or more, e.g. 1/32,1/8");
      }
      List<ReplayAlgorithm> algorithms = new ArrayList<>();
      for (String key : algos) {
        if (key.isBlank()) {
          throw new BadInput("--algos " + String.join(",", algos) + " has an empty name; give one or more of const,"
              + " rand, mcpc, lin, rlb, separated by commas");
        }
        try {
          ReplayAlgorithm algorithm = ReplayAlgorithm.parse(key.trim());
          if (algorithms.contains(algorithm)) {
            throw new BadInput("--algos " + key.trim() + " is given twice; give each algorithm once");
          }
          algorithms.add(algorithm);
        } catch (IllegalArgumentException e) {
          throw new BadInput("--algos: " + e.getMessage());
        }
      }
      if (algorithms.isEmpty()) {
        throw new BadInput("--algos names no algorithm; give one or more of const, rand, mcpc, lin, rlb");
      }
      if (episode < 1) {
        throw new BadInput("--episode must be at least 1, got " + episode);
      }
      Path dir = data != null ? data : IpinyouLocator.find().orElseThrow(() -> new BadInput(
          "no iPinYou data folder: give --data DIR or set " + IpinyouLocator.ENV));
      IpinyouData loaded;
      try {
        loaded = IpinyouData.load(dir);
      } catch (BadLogException e) {
        throw new BadInput(e.getMessage());
      }
      if (algorithms.contains(ReplayAlgorithm.LIN)) {
        for (IpinyouBenchmark.BudgetRatio r : ratios) {
          if (loaded.b0(r.value()) == null) {
            throw new BadInput("lin needs a b0 for c0=" + r.label() + " but " + IpinyouData.LIN_B0 + " has none"
                + " (it has c0 " + loaded.b0ByC0().keySet() + ")");
          }
        }
      }
      if (algorithms.contains(ReplayAlgorithm.RLB)) {
        requireMemoryForRlb(loaded, ratios);
      }
      Path folder = out != null ? out : defaultFolder();
      RunFolder.requireFree(folder);
      IpinyouBenchmarkManifest manifest = plan(loaded, dir, ratios, algorithms);
      // run.json first, as for a simulated run: the folder says what it is before the journal holds anything.
      Files.createDirectories(folder);
      RunFolder.writeAtomically(folder.resolve("run.json"), manifest.toJson());
      System.out.printf("Benchmark ipinyou: %,d auctions from %s, N=%d, c0 %s, algorithms %s -> %s%n",
          loaded.log().size(), dir, episode, c0, algos, folder);
      IpinyouBenchmark.Result result =
          new IpinyouBenchmark(loaded, ratios, algorithms, episode, seed, System.out).run(folder);
      print(result);
      write(folder, manifest.complete(result.digest(), result.rows()), result);
      return 0;
    }

    /** What each partition will replay, in the benchmark's order: (c0, algorithm) pairs, c0 outermost. */
    private IpinyouBenchmarkManifest plan(IpinyouData loaded, Path dataDir, List<IpinyouBenchmark.BudgetRatio> ratios,
        List<ReplayAlgorithm> algorithms) {
      List<IpinyouBenchmarkManifest.Partition> partitions = new ArrayList<>();
      for (IpinyouBenchmark.BudgetRatio r : ratios) {
        for (ReplayAlgorithm a : algorithms) {
          partitions.add(new IpinyouBenchmarkManifest.Partition(a.key(), r.label(), "", loaded.budget(r.value(), episode)));
        }
      }
      return new IpinyouBenchmarkManifest(IpinyouBenchmarkManifest.RUNNING, dataDir.toAbsolutePath().toString(), episode,
          IpinyouBenchmark.episodes(loaded.log().size(), episode), seed, "", partitions);
    }

    private static void print(IpinyouBenchmark.Result result) {
      System.out.println();
      System.out.print(IpinyouBenchmarkRow.table(result.rows()));
      result.notes().forEach(System.out::println);
      System.out.println("digest: " + result.digest());
    }

    /** The table as CSV and JSON, then run.json marked complete: a complete run.json means all is written. */
    private static void write(Path folder, IpinyouBenchmarkManifest manifest, IpinyouBenchmark.Result result)
        throws IOException {
      RunFolder.writeAtomically(folder.resolve("benchmark.csv"), IpinyouBenchmarkManifest.csv(result.rows()));
      RunFolder.writeAtomically(folder.resolve("summary.json"), manifest.summaryJson(result.rows()));
      RunFolder.writeAtomically(folder.resolve("run.json"), manifest.toJson());
      System.out.println("wrote " + folder.resolve("benchmark.csv") + " and " + folder.resolve("summary.json"));
    }

    /** RLB holds V as float[N + 1][B + 1]; refuse up front what this JVM cannot hold. */
    private void requireMemoryForRlb(IpinyouData loaded, List<IpinyouBenchmark.BudgetRatio> ratios) {
      long available = Runtime.getRuntime().maxMemory() / 2;
      for (IpinyouBenchmark.BudgetRatio r : ratios) {
        long budget = loaded.budget(r.value(), episode);
        double bytes = (episode + 1.0) * (budget + 1.0) * Float.BYTES;
        if (budget >= Integer.MAX_VALUE || bytes > available) {
          throw new BadInput(String.format(Locale.ROOT, "rlb at c0=%s with N=%d needs %,.0f MB for its value function"
              + " (%d x %d floats), more than half of this JVM's %,d MB; give a smaller --episode or c0, or more"
              + " -Xmx", r.label(), episode, bytes / 1e6, episode + 1, budget + 1,
              Runtime.getRuntime().maxMemory() / 1_000_000));
        }
      }
    }

    /** "1/32" or "0.03125"; refused unless in (0, 1]. */
    static IpinyouBenchmark.BudgetRatio parseRatio(String text) {
      String t = text.trim();
      double value;
      try {
        int slash = t.indexOf('/');
        value = slash < 0 ? Double.parseDouble(t)
            : Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new BadInput("--c0 '" + text + "' is not a number or fraction such as 1/32");
      }
      if (!(value > 0 && value <= 1)) {
        throw new BadInput("--c0 " + text + " is outside (0, 1]");
      }
      return new IpinyouBenchmark.BudgetRatio(t, value);
    }

    private static Path defaultFolder() {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
      return Path.of("runs", "ipinyou-benchmark-" + stamp);
    }
  }
}
