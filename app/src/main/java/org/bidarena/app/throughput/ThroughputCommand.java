package org.bidarena.app.throughput;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.journal.JournalReader;
import org.bidarena.analysis.journal.RunJournal;
import org.bidarena.analysis.metrics.AgentMetrics;
import org.bidarena.app.node.LocalNode;
import org.bidarena.cluster.Engine;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.training.MarketLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures auctions per second on one market model three ways, in this process:",
      "  (a) the reference: the model in a bare single-threaded loop, no actors, no journal;",
      "  (b) the full simulator (actors, batches, events) with a journal that stores nothing;",
      "  (c) the full simulator with the H2 journal.",
      "Prints the median of R runs of each, the ratios b/a and c/a, the heap per customer after a full GC,"
          + " and checks that (a), (b) and (c) reach the same totals and that (b) and (c) have the same digest."
    })
public final class ThroughputCommand implements Callable<Integer> {
  @Option(names = "--customers", paramLabel = "N", description = "Customers (default ${DEFAULT-VALUE}).")
  int customers = 100_000;

  @Option(names = "--agents", paramLabel = "A", description = "Bidder agents (default ${DEFAULT-VALUE}).")
  int agents = 8;

  @Option(names = "--ticks", paramLabel = "T", description = "Ticks, one simulated day (default ${DEFAULT-VALUE}).")
  int ticks = 96;

  @Option(names = "--auctions-per-tick", paramLabel = "K",
      description = "Mean auctions per tick (default: customers / 10).")
  Integer auctionsPerTick;

  @Option(names = "--repeat", paramLabel = "R", description = "Runs of each mode; the median is reported (default ${DEFAULT-VALUE}).")
  int repeat = 3;

  @Option(names = "--modes", paramLabel = "a,b,c", split = ",",
      description = "Which measurements to run (default: all three); (a) always runs once to give the totals.")
  List<String> modes = List.of("a", "b", "c");

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Benchmark this scenario file (e.g. scenarios/bench-1m.conf) instead of the flat market the"
          + " other options describe; checkpoints are switched off.")
  Path scenarioFile;

  @Option(names = "--shards", paramLabel = "S", description = "Customer shards (default ${DEFAULT-VALUE}).")
  int shards = 8;

  @Option(names = "--partitions", paramLabel = "P", description = "Exchange partitions (default ${DEFAULT-VALUE}).")
  int partitions = 2;

  /** The figures of one mode's runs. */
  record Mode(String name, List<Double> auctionsPerSecond, long auctions) {
    double median() {
      double[] v = auctionsPerSecond.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
  }

  @Override
  public Integer call() throws Exception {
    int k = auctionsPerTick != null ? auctionsPerTick : Math.max(1, customers / 10);
    if (customers < 1 || agents < 1 || agents > 64 || ticks < 1 || repeat < 1 || k < 1 || k > customers) {
      throw new BadInput("bench needs --customers >= 1, --agents 1..64, --ticks >= 1, --repeat >= 1 and"
          + " --auctions-per-tick 1..customers");
    }
    if (scenarioFile != null && !Files.isRegularFile(scenarioFile)) {
      throw new BadInput("scenario file " + scenarioFile + " does not exist");
    }
    Scenario scenario = scenarioFile == null
        ? ThroughputScenario.of(customers, agents, ticks, k, shards, partitions)
        : ScenarioLoader.load(scenarioFile, List.of("journal.checkpoint-every-ticks=0"), null);
    customers = scenario.customers().count();
    agents = scenario.agentCount();
    ticks = scenario.totalTicks();
    shards = scenario.shards();
    partitions = scenario.partitions();
    System.out.printf(Locale.ROOT, "bench: %s, %,d customers, %d agents, %d ticks, %d shards,"
        + " %d partitions, %d runs each; %d cores, max heap %,d MB%n",
        scenarioFile == null ? String.format(Locale.ROOT, "flat market of ~%,d auctions a tick", k) : scenarioFile,
        customers, agents, ticks, shards, partitions, repeat, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

    Mode a = new Mode("(a) reference loop", new ArrayList<>(), 0);
    MarketLoop.Totals reference = null;
    for (int r = 0; r < (modes.contains("a") ? repeat : 1); r++) {
      long start = System.nanoTime();
      reference = new MarketLoop(scenario).run();
      a.auctionsPerSecond().add(reference.auctions() / seconds(start));
    }
    a = new Mode(a.name(), a.auctionsPerSecond(), reference.auctions());
    report(a, a);

    Mode b = new Mode("(b) simulator, no journal", new ArrayList<>(), 0);
    String digestB = null;
    long heapBytes = 0;
    for (int r = 0; r < (modes.contains("b") ? repeat : 0); r++) {
      Config noJournal = ConfigFactory.parseString(
          "pekko.persistence.journal.plugin = \"bidarena-digesting-journal\"\n"
              + "bidarena-digesting-journal.class = \"" + DigestingJournal.class.getName() + "\"\n"
              + "pekko.persistence.snapshot-store.plugin = \"pekko.persistence.no-snapshot-store\"\n");
      ActorSystem<Void> system = LocalNode.start(noJournal, Files.createTempDirectory("bidarena-bench-unused"));
      try {
        long start = System.nanoTime();
        long[] auctions = {0};
        LocalNode.play(system, Engine.start(system, scenario), RestorePoint.START,
            LocalNode.runStarted(scenario), (t, n) -> auctions[0] += n);
        b.auctionsPerSecond().add(auctions[0] / seconds(start));
        requireSame("(b) auctions", auctions[0], reference.auctions());
        String digest = DigestingJournal.digestOf(system.name());
        if (digestB != null && !digestB.equals(digest)) {
          System.out.println("FAILED: (b) gave two different digests: " + digestB + " and " + digest);
          return 1;
        }
        digestB = digest;
        heapBytes = heapAfterFullGc();
      } finally {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
      }
    }
    if (digestB != null) {
      report(b, a);
    }

    Mode c = new Mode("(c) simulator, H2 journal", new ArrayList<>(), 0);
    String digestC = null;
    double readBack = 0;
    for (int r = 0; r < (modes.contains("c") ? repeat : 0); r++) {
      Path dir = Files.createTempDirectory("bidarena-bench");
      try {
        ActorSystem<Void> system = LocalNode.start(JournalSettings.h2(dir));
        try {
          long start = System.nanoTime();
          long[] auctions = {0};
          LocalNode.play(system, Engine.start(system, scenario), RestorePoint.START,
            LocalNode.runStarted(scenario), (t, n) -> auctions[0] += n);
          c.auctionsPerSecond().add(auctions[0] / seconds(start));
          long readStart = System.nanoTime();
          RunJournal contents = JournalReader.read(system, scenario);
          readBack = seconds(readStart);
          digestC = contents.summary().digest();
          requireSameTotals(contents.summary().agents(), reference);
        } finally {
          system.terminate();
          system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
        }
      } finally {
        deleteTree(dir);
      }
    }
    if (digestC != null) {
      report(c, a);
    }
    if (digestB != null) {
      System.out.printf(Locale.ROOT, "heap after a full GC at the end of (b): %,d bytes, %.1f bytes per customer%n",
          heapBytes, (double) heapBytes / customers);
    }
    if (digestB == null || digestC == null) {
      return 0;
    }

    System.out.printf(Locale.ROOT, "reading the (c) journal back for the digest and summary: %.2f s%n", readBack);
    System.out.println("digest (b): " + digestB);
    System.out.println("digest (c): " + digestC);
    if (!digestC.equals(digestB)) {
      System.out.println("FAILED: the digests of (b) and (c) differ");
      return 1;
    }
    System.out.println("the digests of (b) and (c) agree, and (a), (b) and (c) reach the same totals");
    return 0;
  }

  private static void report(Mode mode, Mode reference) {
    System.out.printf(Locale.ROOT, "%-28s %,14.0f auctions/s (median of %d: %s)  ratio to (a): %.3f%n",
        mode.name(), mode.median(), mode.auctionsPerSecond().size(),
        Arrays.toString(mode.auctionsPerSecond().stream().mapToLong(Math::round).toArray()),
        mode.median() / reference.median());
  }

  private static void requireSame(String what, long got, long expected) {
    if (got != expected) {
      throw new IllegalStateException(what + " = " + got + " but the reference loop gives " + expected);
    }
  }

  private static void requireSameTotals(List<AgentMetrics> agents, MarketLoop.Totals reference) {
    for (int a = 0; a < agents.size(); a++) {
      AgentMetrics m = agents.get(a);
      requireSame(m.id() + " impressions", m.impressions(), reference.impressions()[a]);
      requireSame(m.id() + " spend", m.spendMicros(), reference.spendMicros()[a]);
      requireSame(m.id() + " clicks", m.clicks(), reference.clicks()[a]);
      requireSame(m.id() + " conversions", m.conversions(), reference.conversions()[a]);
      requireSame(m.id() + " revenue", m.revenueMicros(), reference.revenueMicros()[a]);
    }
  }

  private static long heapAfterFullGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void deleteTree(Path dir) throws Exception {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
