package org.bidarena.training;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioException;
import org.bidarena.core.scenario.ScenarioLoader;

/**
 * Training stages a scenario may list under {@code curriculum.stages}: each has a name, the scenario keys it
 * overrides ({@code set = ["customers.ctr.fatigue-drop=0", ...]}, as {@code --set} would), and when the
 * training moves on: after {@code episodes} episodes in the stage, or once the mean reward of the last
 * {@code window} episodes exceeds {@code reward-above}, whichever comes first. The last stage lasts to the
 * end. The stage of every episode follows from the learning curve alone, so a resumed training is in the
 * stage it left. A curriculum that cannot run as written is refused before training starts.
 */
public final class Curriculum {
  /** One stage; episodes 0 or rewardAbove NaN when that condition is not given. */
  public record Stage(String name, List<String> sets, int episodes, double rewardAbove, int window) {}

  private final List<Stage> stages;

  private Curriculum(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /** No curriculum: one stage, the scenario as it is. */
  public static Curriculum none() {
    return new Curriculum(List.of(new Stage("scenario", List.of(), 0, Double.NaN, 1)));
  }

  public List<Stage> stages() {
    return stages;
  }

  /**
   * The curriculum of a scenario file (none when it has no {@code curriculum} block).
   *
   * @throws ScenarioException one line on what is wrong with it
   */
  public static Curriculum of(Path scenarioFile, int episodes) {
    if (scenarioFile == null) {
      return none();
    }
    Config root = ConfigFactory.parseFile(scenarioFile.toFile());
    if (!root.hasPath("curriculum")) {
      return none();
    }
    List<Stage> stages = new ArrayList<>();
    try {
      List<? extends Config> list = root.getConfigList("curriculum.stages");
      if (list.isEmpty()) {
        throw new ScenarioException("curriculum.stages is empty; list at least one stage or drop the curriculum");
      }
      for (int i = 0; i < list.size(); i++) {
        Config c = list.get(i);
        String at = "curriculum.stages[" + i + "]";
        for (String key : c.root().keySet()) {
          if (!List.of("name", "set", "episodes", "reward-above", "window").contains(key)) {
            throw new ScenarioException(at + "." + key + ": unknown key; a stage has name, set, episodes,"
                + " reward-above and window");
          }
        }
        String name = c.hasPath("name") ? c.getString("name") : "stage-" + (i + 1);
        List<String> sets = c.hasPath("set") ? c.getStringList("set") : List.of();
        for (String set : sets) {
          if (set.startsWith("time.") || set.startsWith("curriculum")) {
            throw new ScenarioException(at + ".set: '" + set + "' is not allowed; a stage may change the market but"
                + " not time.* (every episode keeps the scenario's days) nor the curriculum");
          }
        }
        int stageEpisodes = c.hasPath("episodes") ? c.getInt("episodes") : 0;
        double rewardAbove = c.hasPath("reward-above") ? c.getDouble("reward-above") : Double.NaN;
        int window = c.hasPath("window") ? c.getInt("window") : 5;
        if (stageEpisodes < 0 || window < 1) {
          throw new ScenarioException(at + ": episodes must be at least 1 and window at least 1");
        }
        boolean last = i == list.size() - 1;
        if (!last && stageEpisodes == 0 && Double.isNaN(rewardAbove)) {
          throw new ScenarioException(at + " (" + name + "): it never ends; give episodes = N or reward-above = X");
        }
        stages.add(new Stage(name, sets, stageEpisodes, rewardAbove, window));
      }
    } catch (ConfigException e) {
      throw new ScenarioException("curriculum: " + e.getMessage());
    }
    int fixed = 0;
    for (int i = 0; i < stages.size() - 1; i++) {
      Stage s = stages.get(i);
      fixed += s.episodes() > 0 ? s.episodes() : s.window();
    }
    if (fixed >= episodes) {
      throw new ScenarioException("curriculum: its stages before the last take at least " + fixed + " episodes, so"
          + " " + episodes + " episodes never reach stage '" + stages.get(stages.size() - 1).name()
          + "'; train for more episodes or shorten the stages");
    }
    return new Curriculum(stages);
  }

  /** Each stage's scenario, checked now so that a bad override is refused before any training. */
  public List<Scenario> scenarios(Path file) {
    List<Scenario> out = new ArrayList<>();
    for (Stage s : stages) {
      out.add(ScenarioLoader.load(file, s.sets(), null));
    }
    return out;
  }

  /** The stage of the episode after {@code curve}: a function of the curve alone. */
  public int stageAfter(List<EpisodeResult> curve) {
    int stage = 0;
    int start = 0;
    for (int e = 0; e < curve.size() && stage < stages.size() - 1; e++) {
      Stage s = stages.get(stage);
      int inStage = e - start + 1;
      boolean byCount = s.episodes() > 0 && inStage >= s.episodes();
      boolean byReward = false;
      if (!Double.isNaN(s.rewardAbove()) && inStage >= s.window()) {
        double sum = 0;
        for (int k = e - s.window() + 1; k <= e; k++) {
          sum += curve.get(k).reward();
        }
        byReward = sum / s.window() > s.rewardAbove();
      }
      if (byCount || byReward) {
        stage++;
        start = e + 1;
      }
    }
    return stage;
  }
}
