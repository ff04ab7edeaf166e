package org.bidarena.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  /** A small market: 1 day of 24 ticks, 1,500 customers. */
  static Scenario small() {
    return ScenarioLoader.load(null, List.of("customers.count=1500", "time.days=1", "time.ticks-per-day=24"), null);
  }

  private static byte[] train(Path dir, String algo, long seed, int episodes) throws Exception {
    new Trainer(new TrainingPlan("", "adaptive", algo, seed, episodes), small(), dir).run((r, d, t, n) -> {});
    return Files.readAllBytes(dir.resolve(Trainer.MODEL));
  }

  @Test
  void theSameSeedGivesTheSameModelBytesAndAnotherSeedOthers(@TempDir Path temp) throws Exception {
    for (String algo : List.of("dqn", "bandit", "ppo", "a3c", "ppo-stages")) {
      byte[] a = train(temp.resolve(algo + "-a"), algo, 3, 3);
      byte[] b = train(temp.resolve(algo + "-b"), algo, 3, 3);
      byte[] c = train(temp.resolve(algo + "-c"), algo, 4, 3);
      assertThat(a).as(algo).isEqualTo(b);
      assertThat(a).as(algo).isNotEqualTo(c);
      assertThat(Files.readAllLines(temp.resolve(algo + "-a").resolve(Trainer.CURVE))).hasSize(4);
    }
  }

  @Test
  void aTrainingInterruptedBetweenEpisodesResumesToTheSameModelAndCurve(@TempDir Path temp) throws Exception {
    for (String algo : List.of("dqn", "a3c")) {
      byte[] whole = train(temp.resolve(algo + "-whole"), algo, 5, 4);
      // given a training stopped by an error after its second episode
      Path cut = temp.resolve(algo + "-cut");
      TrainingPlan plan = new TrainingPlan("", "adaptive", algo, 5, 4);
      assertThatThrownBy(() -> new Trainer(plan, small(), cut).run((r, done, t, n) -> {
        if (done == 2) {
          throw new IllegalStateException("stopped");
        }
      })).hasMessage("stopped");
      assertThat(cut.resolve(Trainer.MODEL)).doesNotExist();
      // when a new trainer resumes it from its folder's plan
      int[] episodes = {0};
      new Trainer(TrainingPlan.read(cut), small(), cut).run((r, done, t, n) -> episodes[0]++);
      // then it ran only the two episodes left and wrote the uninterrupted bytes
      assertThat(episodes[0]).as(algo).isEqualTo(2);
      assertThat(Files.readAllBytes(cut.resolve(Trainer.MODEL))).as(algo).isEqualTo(whole);
      assertThat(Files.readString(cut.resolve(Trainer.CURVE)))
          .isEqualTo(Files.readString(temp.resolve(algo + "-whole").resolve(Trainer.CURVE)));
    }
  }

  @Test
  void a3cGivesTheSameBytesOnOneThreadAsOnSeveral(@TempDir Path temp) throws Exception {
    byte[][] models = new byte[3][];
    int[] threads = {1, 2, 4};
    for (int i = 0; i < 3; i++) {
      Path dir = temp.resolve("t" + threads[i]);
      new Trainer(new TrainingPlan("", "adaptive", "a3c", 6, 3), small(), dir).threads(threads[i])
          .run((r, d, t, n) -> {});
      models[i] = Files.readAllBytes(dir.resolve(Trainer.MODEL));
    }
    assertThat(models[1]).isEqualTo(models[0]);
    assertThat(models[2]).isEqualTo(models[0]);
  }

  @Test
  void anUnknownAlgorithmOrAgentIsRefusedWithWhatIsAllowed(@TempDir Path temp) {
    assertThatThrownBy(() -> new Trainer(new TrainingPlan("", "adaptive", "sarsa", 1, 1), small(), temp))
        .hasMessageContaining("unknown algorithm 'sarsa'").hasMessageContaining("dqn");
    assertThatThrownBy(() -> new Trainer(new TrainingPlan("", "adaptive", "aggressive", 1, 1), small(), temp))
        .hasMessageContaining("unknown algorithm 'aggressive'");
    assertThatThrownBy(() -> new Trainer(new TrainingPlan("", "nobody", "dqn", 1, 1), small(), temp))
        .hasMessageContaining("no agent 'nobody'");
  }

  @Test
  void aSuppliedStrategyIsTheOneThatBidsInTheLoop() {
    // the loop with the agent's own strategy built by the catalog and with the same kind supplied gives the same
    // totals; a supplied strategy that never bids leaves the slot without impressions
    Scenario s = small();
    MarketLoop.Totals own = new MarketLoop(s).run();
    MarketLoop.Totals silent = new MarketLoop(s, a -> a == 0 ? context -> 0 : null).run();
    assertThat(own.impressions()[0]).isPositive();
    assertThat(silent.impressions()[0]).isZero();
    assertThat(silent.bids()[0]).isZero();
  }
}
