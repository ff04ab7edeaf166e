package org.bidarena.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
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
  private final Path dir;
  private final int agentIndex;
  private final LearnerEntry entry;
  private final LearnerStrategy learner;

  /** @throws IllegalArgumentException for an unknown agent or an algorithm that does not learn */
  public Trainer(TrainingPlan plan, Scenario scenario, Path dir) {
    this.plan = plan;
    this.scenario = scenario;
    this.dir = dir;
    this.agentIndex = indexOf(scenario, plan.agent());
    this.entry = learnerEntry(plan.algorithm());
    AgentSpec agent = scenario.agents().get(agentIndex);
    this.learner = entry.create(agent, scenario, entry.settingsFor(agent), plan.learnerSeed(), true);
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

  /** Runs the episodes not yet done (all of them in a fresh folder) and writes the model. */
  public void run(Listener listener) throws IOException {
    Files.createDirectories(dir);
    List<EpisodeResult> curve = new ArrayList<>();
    int done = TrainingCheckpoint.readInto(dir.resolve(CHECKPOINT), learner, curve);
    if (done == 0) {
      plan.write(dir);
    }
    for (int e = done; e < plan.episodes(); e++) {
      Scenario episode = scenario.withSeed(plan.episodeSeed(e));
      learner.setTraining(true);
      learner.startEpisode();
      MarketLoop.Totals totals = new MarketLoop(episode, a -> a == agentIndex ? learner : null).run();
      EpisodeResult result = EpisodeResult.of(e + 1, episode, totals, agentIndex);
      curve.add(result);
      writeCurve(curve);
      TrainingCheckpoint.write(dir.resolve(CHECKPOINT), e + 1, learner, curve);
      listener.episodeDone(result, e + 1, plan.episodes(), totals.auctions());
    }
    learner.setTraining(false);
    LearnedStrategy.modelOf(learner, entry, scenario.agents().get(agentIndex)).write(dir.resolve(MODEL));
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
