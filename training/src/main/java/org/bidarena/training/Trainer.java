package org.bidarena.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bidarena.agents.StrategyEntry;
import org.bidarena.agents.Strategies;
import org.bidarena.agents.learning.LearnedStrategy;
import org.bidarena.agents.learning.LearnerEntry;
import org.bidarena.agents.learning.LearnerStrategy;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * Trains one agent's learner against the scenario's other agents, one episode (a whole run of the scenario,
 * on its own seed) after another on the {@link MarketLoop}. After every episode it writes a checkpoint (the
 * learner's full state and the curve so far) whole or not at all, so a training killed at any point resumes
 * from its last episode and ends with the same model bytes as one never interrupted.
 */
public final class Trainer {
  public static final String MODEL = "model.bin";
  public static final String CURVE = "learning-curve.csv";
  static final String CHECKPOINT = "checkpoint.bin";

  /** Told after each episode. */
  public interface Listener {
    void episodeDone(EpisodeResult result, int done, int total, long auctions);
  }

  private final TrainingPlan plan;
  private final Scenario scenario;
  private final Curriculum curriculum;
  private final List<Scenario> stageScenarios;
  private final Path dir;
  private final int agentIndex;
  private final LearnerEntry entry;
  /** Worker 0 is the learner whose policy the model file keeps; A3C has more, each on its own market. */
  private final List<LearnerStrategy> workers = new ArrayList<>();
  private int threads = Runtime.getRuntime().availableProcessors();

  /** @throws IllegalArgumentException for an unknown agent or an algorithm that does not learn */
  public Trainer(TrainingPlan plan, Scenario scenario, Path dir) {
    this(plan, Curriculum.none(), List.of(scenario), dir);
  }

  /** A training through the stages of a curriculum, with each stage's scenario. */
  public Trainer(TrainingPlan plan, Curriculum curriculum, List<Scenario> stageScenarios, Path dir) {
    this.plan = plan;
    this.curriculum = curriculum;
    this.stageScenarios = List.copyOf(stageScenarios);
    this.scenario = stageScenarios.get(stageScenarios.size() - 1);
    this.dir = dir;
    this.agentIndex = indexOf(scenario, plan.agent());
    for (Scenario s : stageScenarios) {
      if (!s.agents().stream().map(AgentSpec::id).toList()
          .equals(scenario.agents().stream().map(AgentSpec::id).toList())) {
        throw new IllegalArgumentException("every curriculum stage must keep the scenario's agents");
      }
    }
    this.entry = learnerEntry(plan.algorithm());
    AgentSpec agent = scenario.agents().get(agentIndex);
    LearnerStrategy first = entry.create(agent, scenario, entry.settingsFor(agent), plan.learnerSeed(), true);
    workers.add(first);
    for (int w = 1; w < first.workers(); w++) {
      LearnerStrategy worker = entry.create(agent, scenario, entry.settingsFor(agent), plan.learnerSeed() + w, true);
      worker.setSharedWeights(first.sharedWeights());
      workers.add(worker);
    }
  }

  /** The learners {@code train --algo} accepts, by catalog name. */
  public static List<String> algorithms() {
    List<String> names = new ArrayList<>();
    for (var d : new Strategies().strategies()) {
      if (d instanceof LearnerEntry) {
        names.add(d.name());
      }
    }
    return names;
  }

  static LearnerEntry learnerEntry(String algorithm) {
    if (!algorithms().contains(algorithm)) {
      throw new IllegalArgumentException("unknown algorithm '" + algorithm + "'; allowed: "
          + String.join(", ", algorithms()));
    }
    StrategyEntry e = Strategies.entry(algorithm);
    return (LearnerEntry) e;
  }

  static int indexOf(Scenario scenario, String id) {
    for (int a = 0; a < scenario.agentCount(); a++) {
      if (scenario.agents().get(a).id().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no agent '" + id + "' in scenario " + scenario.name() + "; it has "
        + scenario.agents().stream().map(AgentSpec::id).toList());
  }

  /** The threads A3C's workers play on (default: the cores); the model bytes do not depend on it. */
  Trainer threads(int n) {
    this.threads = Math.max(1, n);
    return this;
  }

  /** Runs the episodes not yet done (all of them in a fresh folder) and writes the model. */
  public void run(Listener listener) throws IOException {
    Files.createDirectories(dir);
    List<EpisodeResult> curve = new ArrayList<>();
    int done = TrainingCheckpoint.readInto(dir.resolve(CHECKPOINT), workers, curve);
    if (done == 0) {
      plan.write(dir);
    }
    ExecutorService pool = workers.size() > 1
        ? Executors.newFixedThreadPool(Math.min(workers.size(), threads))
        : null;
    try {
      for (int e = done; e < plan.episodes(); e++) {
        double[] shared = workers.size() > 1 ? workers.get(0).sharedWeights() : null;
        int stageIndex = curriculum.stageAfter(curve);
        Scenario stage = stageScenarios.get(stageIndex);
        List<Future<MarketLoop.Totals>> runs = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
          Scenario market = stage.withSeed(plan.episodeSeed(e) + w * 10_000_000L);
          LearnerStrategy worker = workers.get(w);
          Callable<MarketLoop.Totals> play = () -> {
            worker.setTraining(true);
            worker.startEpisode(market.agents().get(agentIndex), market);
            return new MarketLoop(market, a -> a == agentIndex ? worker : null).run();
          };
          runs.add(pool == null ? CompletableFuture.completedFuture(play.call()) : pool.submit(play));
        }
        long auctions = 0;
        MarketLoop.Totals first = null;
        for (Future<MarketLoop.Totals> run : runs) {
          MarketLoop.Totals t = get(run);
          first = first == null ? t : first;
          auctions += t.auctions();
        }
        if (shared != null) {
          merge(shared);
        }
        EpisodeResult result = EpisodeResult.of(e + 1, stage.withSeed(plan.episodeSeed(e)), first, agentIndex,
            curriculum.stages().get(stageIndex).name());
        curve.add(result);
        writeCurve(curve);
        TrainingCheckpoint.write(dir.resolve(CHECKPOINT), e + 1, workers, curve);
        listener.episodeDone(result, e + 1, plan.episodes(), auctions);
      }
    } catch (Exception e) {
      if (e instanceof IOException io) {
        throw io;
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    LearnerStrategy learner = workers.get(0);
    learner.setTraining(false);
    LearnedStrategy.modelOf(learner, entry, scenario.agents().get(agentIndex)).write(dir.resolve(MODEL));
  }

  /**
   * Synchronous A3C: adds every worker's change of the shared weights over the episode to them, in worker
   * order (a fixed order, so the sum has the same bits whatever thread finished first), and gives every
   * worker the result.
   */
  private void merge(double[] shared) {
    double[] next = shared.clone();
    for (LearnerStrategy w : workers) {
      double[] mine = w.sharedWeights();
      for (int i = 0; i < next.length; i++) {
        next[i] += mine[i] - shared[i];
      }
    }
    for (LearnerStrategy w : workers) {
      w.setSharedWeights(next);
    }
  }

  private static MarketLoop.Totals get(Future<MarketLoop.Totals> run) throws Exception {
    try {
      return run.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
    }
  }

  private void writeCurve(List<EpisodeResult> curve) throws IOException {
    StringBuilder b = new StringBuilder(EpisodeResult.CSV_HEADER).append('\n');
    for (EpisodeResult r : curve) {
      b.append(r.csv()).append('\n');
    }
    Path tmp = dir.resolve(CURVE + ".tmp");
    Files.writeString(tmp, b, StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve(CURVE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
