package org.bidarena.app.ipinyou;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bidarena.agents.replay.ReplayAlgorithm;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkRow;
import org.bidarena.analysis.ipinyou.ReplayedRunReader;
import org.bidarena.app.node.LocalNode;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.ExchangeProtocol.EpisodeCleared;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.replay.IpinyouData;
import org.bidarena.core.replay.LoggedAuctions;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.Exchange;

/**
 * Runs the RLB benchmark protocol on an iPinYou log through the Exchange actor and the run folder's H2
 * journal: every (c0, algorithm) pair is one exchange partition, every episode of N auctions one tick of
 * it. The table is taken from the exchange's answers and then checked against a recomputation from the
 * journal, so the run folder is known to hold the same figures.
 */
public final class IpinyouBenchmark {
  /** One fen CPM is 0.01 CNY per 1000 impressions, so 10 micros per impression. */
  static final long MICROS_PER_FEN = IpinyouBenchmarkRow.MICROS_PER_FEN;

  /** One budget ratio: its label as given, and its value. */
  record BudgetRatio(String label, double value) {}

  /** The result: the rows in (c0, algorithm) order and the journal's digest. */
  record Result(List<IpinyouBenchmarkRow> rows, String digest, List<String> notes) {}

  private final IpinyouData data;
  private final List<BudgetRatio> ratios;
  private final List<ReplayAlgorithm> algorithms;
  private final int episodeLength;
  private final long seed;
  private final PrintStream out;

  IpinyouBenchmark(IpinyouData data, List<BudgetRatio> ratios, List<ReplayAlgorithm> algorithms, int episodeLength,
      long seed, PrintStream out) {
    this.data = data;
    this.ratios = List.copyOf(ratios);
    this.algorithms = List.copyOf(algorithms);
    this.episodeLength = episodeLength;
    this.seed = seed;
    this.out = out;
  }

  Result run(Path dir) throws Exception {
    Files.createDirectories(dir);
    ActorSystem<Void> system = LocalNode.start(JournalSettings.h2(dir));
    try {
      LoggedAuctions log = data.log();
      int episodes = episodes(log.size(), episodeLength);
      int runs = ratios.size() * algorithms.size();
      Scenario scenario = scenario(runs, episodes, seed);
      CompletableFuture<Void> failed = new CompletableFuture<>();
      Peers peers = failurePeers(system, failed);
      SeededStreams streams = new SeededStreams(seed);
      List<IpinyouBenchmarkRow> rows = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      try (IpinyouBenchmarkProgress progress = new IpinyouBenchmarkProgress((long) runs * log.size(), out)) {
        int partition = 0;
        for (BudgetRatio c0 : ratios) {
          long budget = data.budget(c0.value(), episodeLength);
          for (ReplayAlgorithm algorithm : algorithms) {
            long start = System.nanoTime();
            ReplayAlgorithm.Prepared prepared = algorithm.prepare(data, c0.value(), episodeLength, streams);
            double prepSeconds = (System.nanoTime() - start) / 1e9;
            if (algorithm == ReplayAlgorithm.RLB) {
              notes.add(String.format(Locale.ROOT, "rlb c0=%s: value function %s computed in %.2f s", c0.label(),
                  prepared.setting(), prepSeconds));
            }
            progress.label(algorithm.key() + " c0=" + c0.label());
            String agent = algorithm.key() + "@" + c0.label();
            rows.add(replay(system, scenario, peers, failed, partition, agent, log, prepared, budget, progress)
                .toRow(algorithm.key(), c0.label(), prepared.setting(), budget));
            partition++;
          }
        }
      }
      ReplayedRunReader.Contents journal = ReplayedRunReader.read(system);
      journal.requireFigures(rows);
      return new Result(rows, journal.digest(), notes);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  /** Episodes of n auctions in a log of {@code lines}: the last one may be shorter. */
  static int episodes(int lines, int n) {
    return (lines + n - 1) / n;
  }

  /**
   * What the Exchange actors of a replay need of a scenario: one partition per run, one tick per episode,
   * a second-price auction without reserve, no agents of its own and no checkpoints. There are no
   * customers: the log is the traffic.
   */
  public static Scenario scenario(int runs, int episodes, long seed) {
    return new Scenario("ipinyou-replay", seed, 1, episodes, null, runs, runs,
        new AuctionSpec(AuctionType.SECOND_PRICE, 0, 0, IpinyouData.MAX_PRICE * MICROS_PER_FEN), 0, List.of(), 0);
  }

  /** The totals of one partition's episodes, as the exchange answered them. */
  private record Live(long auctions, long impressions, long clicks, long cost) {
    IpinyouBenchmarkRow toRow(String algorithm, String c0, String setting, long budget) {
      return new IpinyouBenchmarkRow(algorithm, c0, setting, budget, auctions, impressions, clicks, cost);
    }
  }

  /**
   * Sends every episode to the partition's Exchange at once (it journals them in order, stashing while it
   * persists) and sums the answers.
   */
  private Live replay(ActorSystem<Void> system, Scenario scenario, Peers peers, CompletableFuture<Void> failed,
      int partition, String agent, LoggedAuctions log, ReplayAlgorithm.Prepared prepared, long budget,
      IpinyouBenchmarkProgress progress) throws Exception {
    int episodes = scenario.ticksPerDay();
    long[] sums = new long[4];
    CompletableFuture<Live> done = new CompletableFuture<>();
    ActorRef<EpisodeCleared> collector = system.systemActorOf(
        Behaviors.receive(EpisodeCleared.class).onMessage(EpisodeCleared.class, e -> {
          sums[0] += e.auctions();
          sums[1] += e.impressions();
          sums[2] += e.clicks();
          sums[3] += e.cost();
          progress.advance(e.auctions());
          if (e.tick() == episodes - 1) {
            done.complete(new Live(sums[0], sums[1], sums[2], sums[3]));
            return Behaviors.stopped();
          }
          return Behaviors.same();
        }).build(), "benchmark-collector-" + partition, Props.empty());
    ActorRef<ExchangeProtocol.Command> exchange = system.systemActorOf(
        Exchange.create(scenario, partition, RestorePoint.START, peers), "replay-exchange-" + partition,
        Props.empty());
    for (int k = 0; k < episodes; k++) {
      int from = k * episodeLength;
      LoggedAuctions episode = IpinyouData.slice(log, from, Math.min(episodeLength, log.size() - from));
      exchange.tell(new ExchangeProtocol.ReplayEpisode(k, agent, episode, prepared.policy(), budget,
          IpinyouData.MAX_PRICE, MICROS_PER_FEN, collector));
    }
    try {
      CompletableFuture.anyOf(done, failed).get(30, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return done.get();
  }

  /** The exchanges only talk to the Driver, and only to report a failure. */
  private static Peers failurePeers(ActorSystem<Void> system, CompletableFuture<Void> failed) {
    ActorRef<DriverProtocol.Command> driver = system.systemActorOf(
        Behaviors.receive(DriverProtocol.Command.class).onMessage(DriverProtocol.TickFailed.class, f -> {
          failed.completeExceptionally(new LocalNode.RunFailed(f.who() + " at episode " + f.tick() + ": " + f.reason()));
          return Behaviors.same();
        }).build(), "benchmark-driver", Props.empty());
    return new Peers() {
      @Override
      public RecipientRef<ShardProtocol.Command> shard(int shard) {
        throw new UnsupportedOperationException("a replay has no customer shards");
      }

      @Override
      public RecipientRef<ExchangeProtocol.Command> exchange(int partition) {
        throw new UnsupportedOperationException("a replay's exchanges are started directly");
      }

      @Override
      public RecipientRef<BidderProtocol.Command> bidder(int agent) {
        throw new UnsupportedOperationException("a replay's policies bid inside the exchange");
      }

      @Override
      public RecipientRef<DriverProtocol.Command> driver() {
        return driver;
      }
    };
  }
}
