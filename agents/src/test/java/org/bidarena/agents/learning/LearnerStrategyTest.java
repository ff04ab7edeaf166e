package org.bidarena.agents.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bidarena.agents.Strategies;
import org.bidarena.agents.TickSettlement;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class LearnerStrategyTest {
  private static final Scenario SCENARIO = ScenarioLoader.loadDefault(List.of(), null);

  private static AgentSpec adaptive() {
    return SCENARIO.agents().stream().filter(a -> a.id().equals("adaptive")).findFirst().orElseThrow();
  }

  private static LearnerStrategy create(String algo, long seed) {
    LearnerEntry e = (LearnerEntry) Strategies.entry(algo);
    return e.create(adaptive(), SCENARIO, e.settingsFor(adaptive()), seed, true);
  }

  /** Settlements whose results depend on the multiplier played, so the learners see a changing market. */
  private static void play(LearnerStrategy s, long fromTick, long ticks) {
    for (long t = fromTick; t < fromTick + ticks; t++) {
      double m = s.multiplier();
      int bids = 100;
      int won = (int) Math.min(100, 30 * m);
      long spend = Math.round(won * 1500 * m);
      long revenue = t % 7 == 0 ? 45_000_000L / (1 + (long) (m * 3)) : 0;
      s.onTickSettled(new TickSettlement(t, bids, bids * 2000L, won, spend, won / 20, t % 7 == 0 ? 1 : 0, revenue));
    }
  }

  @Test
  void everyLearnerRestoredFromItsCheckpointStateContinuesExactlyAsTheOriginal() {
    for (String algo : List.of("bandit", "dqn", "ppo", "ppo-stages")) {
      LearnerStrategy original = create(algo, 8);
      play(original, 0, 200);
      LearnerStrategy copy = create(algo, 12345);
      copy.restore(original.state());
      assertThat(copy.state()).as(algo).isEqualTo(original.state());
      play(original, 200, 300);
      play(copy, 200, 300);
      assertThat(copy.state()).as(algo).isEqualTo(original.state());
      assertThat(copy.multiplier()).as(algo).isEqualTo(original.multiplier());
      assertThat(create(algo, 9).state()).as(algo + " with another seed").isNotEqualTo(create(algo, 8).state());
    }
  }

  @Test
  void aModelFileRoundTripsAndRefusesAnyChangedByte() {
    LearnerStrategy dqn = create("dqn", 1);
    play(dqn, 0, 100);
    ModelFile model = LearnedStrategy.modelOf(dqn, (LearnerEntry) Strategies.entry("dqn"), adaptive());
    byte[] bytes = model.toBytes();
    ModelFile back = ModelFile.parse(bytes, "m");
    assertThat(back.toBytes()).isEqualTo(bytes);
    assertThat(back.policy()).isEqualTo(dqn.policy());
    for (int i : new int[] {3, 30, bytes.length - 1}) {
      byte[] bad = bytes.clone();
      bad[i] ^= 4;
      assertThatThrownBy(() -> ModelFile.parse(bad, "m")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("model file m is not a BidArena model or is corrupt");
    }
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 8);
    assertThatThrownBy(() -> ModelFile.parse(cut, "m")).hasMessageContaining("bytes of parameters");
  }

  @Test
  void aFrozenPolicyPlaysItsGreedyActionAndLearnsNothing() {
    LearnerStrategy dqn = create("dqn", 1);
    play(dqn, 0, 100);
    LearnerEntry e = (LearnerEntry) Strategies.entry("dqn");
    LearnerStrategy frozen = e.create(adaptive(), SCENARIO, e.settingsFor(adaptive()), 0, false);
    frozen.loadPolicy(dqn.policy());
    double[] before = frozen.policy();
    play(frozen, 0, 100);
    assertThat(frozen.policy()).isEqualTo(before);
  }
}
