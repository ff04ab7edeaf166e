package org.bidarena.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.core.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurriculumTest {
  private static final String MARKET = "customers { count = 1500 }\ntime { days = 1, ticks-per-day = 24 }\n";

  private static Path file(Path temp, String curriculum) throws Exception {
    Path f = temp.resolve("c.conf");
    Files.writeString(f, MARKET + curriculum);
    return f;
  }

  private static EpisodeResult row(int e, double reward) {
    return new EpisodeResult(e, 0, reward, 0, 0, 0, reward, 0, 0, 0, "x");
  }

  @Test
  void stagesAdvanceByEpisodeCountOrByTheMeanRewardOverAWindow(@TempDir Path temp) throws Exception {
    Curriculum c = Curriculum.of(file(temp, """
        curriculum.stages = [
          { name = basic, set = ["customers.ctr.fatigue-drop=0", "agent-defaults.daily-budget=30.00"], episodes = 3 }
          { name = middle, reward-above = 5, window = 2 }
          { name = full }
        ]
        """), 20);
    assertThat(c.stages()).extracting(Curriculum.Stage::name).containsExactly("basic", "middle", "full");
    List<EpisodeResult> curve = new ArrayList<>();
    assertThat(c.stageAfter(curve)).isZero();
    for (int e = 1; e <= 3; e++) {
      curve.add(row(e, 100));
    }
    assertThat(c.stageAfter(curve)).as("3 episodes of basic done").isEqualTo(1);
    curve.add(row(4, 4));
    curve.add(row(5, 5));
    assertThat(c.stageAfter(curve)).as("mean of the window 4.5, not above 5").isEqualTo(1);
    curve.add(row(6, 7));
    assertThat(c.stageAfter(curve)).as("mean of the window 6").isEqualTo(2);
    assertThat(c.scenarios(file(temp, ""))).hasSize(3);
  }

  @Test
  void aCurriculumThatCannotRunAsWrittenIsRefusedInOneLine(@TempDir Path temp) throws Exception {
    assertThatThrownBy(() -> Curriculum.of(file(temp, "curriculum.stages = [{ name = a }, { name = b }]"), 10))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("(a): it never ends");
    assertThatThrownBy(() -> Curriculum.of(file(temp,
        "curriculum.stages = [{ name = a, episodes = 10 }, { name = b }]"), 10))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("never reach stage 'b'");
    assertThatThrownBy(() -> Curriculum.of(file(temp,
        "curriculum.stages = [{ name = a, episodes = 1, set = [\"time.days=3\"] }, { name = b }]"), 10))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("not time.*");
    assertThatThrownBy(() -> Curriculum.of(file(temp, "curriculum.stages = []"), 10))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> Curriculum.of(file(temp, "curriculum.stages = [{ name = a, epsiodes = 2 }]"), 10))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("epsiodes: unknown key");
  }

  @Test
  void aCurriculumTrainingRunsItsStagesInOrderAndIsDeterministic(@TempDir Path temp) throws Exception {
    Path f = file(temp, """
        curriculum.stages = [
          { name = basic, set = ["agent-defaults.daily-budget=30.00"], episodes = 2 }
          { name = full }
        ]
        """);
    Curriculum c = Curriculum.of(f, 4);
    byte[][] models = new byte[2][];
    for (int i = 0; i < 2; i++) {
      Path dir = temp.resolve("t" + i);
      TrainingPlan plan = new TrainingPlan(f.toString(), "adaptive", "dqn", 2, 4);
      new Trainer(plan, c, c.scenarios(f), dir).run((r, d, t, n) -> {});
      models[i] = Files.readAllBytes(dir.resolve(Trainer.MODEL));
      List<String> stages = Files.readAllLines(dir.resolve(Trainer.CURVE)).stream().skip(1)
          .map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
      assertThat(stages).containsExactly("basic", "basic", "full", "full");
    }
    assertThat(models[0]).isEqualTo(models[1]);
  }
}
