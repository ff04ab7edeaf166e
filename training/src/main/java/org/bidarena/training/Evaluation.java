package org.bidarena.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;

/**
 * Plays one agent slot with a trained model (frozen, greedy) and with each fixed strategy, on the same
 * evaluation seeds 1..n (paired: every arm meets the same markets), on the {@link MarketLoop}, and gives the
 * slot's profit per arm and seed. The evaluation seeds never meet the training seeds ({@link TrainingPlan}).
 */
public final class Evaluation {
  /** The fixed strategies of the catalog, the baselines a learner must beat. */
  public static final List<String> BASELINES =
      List.of("aggressive", "conservative", "retargeting", "adaptive", "random", "fixed");

  /** One arm's profit per seed, in currency. */
  public record Arm(String name, double[] profit) {
    public double mean() {
      double s = 0;
      for (double p : profit) {
        s += p;
      }
      return s / profit.length;
    }
  }

  private Evaluation() {}

  /** The learned arm first, then the baselines, each over seeds 1..seeds. */
  public static List<Arm> run(Path scenarioFile, String agent, Path model, int seeds) {
    List<Arm> arms = new ArrayList<>();
    arms.add(arm("learned", scenarioFile, List.of("agents." + agent + ".strategy=learned",
        "agents." + agent + ".model=\"" + model.toAbsolutePath().toString().replace("\\", "/") + "\""), agent, seeds));
    for (String b : BASELINES) {
      arms.add(arm(b, scenarioFile, List.of("agents." + agent + ".strategy=" + b), agent, seeds));
    }
    return arms;
  }

  private static Arm arm(String name, Path scenarioFile, List<String> overrides, String agent, int seeds) {
    Scenario base = ScenarioLoader.load(scenarioFile, overrides, null);
    int a = Trainer.indexOf(base, agent);
    double[] profit = new double[seeds];
    for (int s = 1; s <= seeds; s++) {
      Scenario sc = base.withSeed(s);
      profit[s - 1] = EpisodeResult.of(s, sc, new MarketLoop(sc).run(), a, name).profit();
    }
    return new Arm(name, profit);
  }
}
