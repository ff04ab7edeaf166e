package org.bidarena.training.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.training.MarketLoop;
import org.bidarena.training.MarketSteps;
import org.junit.jupiter.api.Test;

class EnvSessionTest {
  private static final double[] CYCLE = {0.6, 1.0, 1.7, 0.3, 2.5, 1.2, 0};

  /** A small market: 1 day of 24 ticks, 1,500 customers. */
  static Scenario small() {
    return ScenarioLoader.load(null, List.of("customers.count=1500", "time.days=1", "time.ticks-per-day=24"), null);
  }

  private static double[] actions(long t, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = EnvTrace.multiplier(CYCLE, t, i, n);
    }
    return a;
  }

  @Test
  void steppingTheSessionGivesTheTrainingLoopsObservationsAndRewardsBitForBit() {
    // given two learning slots and the trace the training path writes for a fixed action list
    EnvSpec spec = EnvSpec.of(small(), List.of("adaptive", "aggressive"), 3.0);
    JsonNode trace = EnvTrace.play(spec, 11, CYCLE);
    // when a session plays the same actions on the same seed
    EnvSession env = new EnvSession(spec);
    double[][] obs = env.reset(11);
    // then every observation and reward is the same double
    assertThat(obs[1]).containsExactly(doubles(trace.get("observations").get(0).get(1)));
    long ticks = trace.get("ticks").asLong();
    double rewardSum = 0;
    for (int t = 0; t < ticks; t++) {
      EnvSession.Step step = env.step(actions(t, 2));
      for (int i = 0; i < 2; i++) {
        assertThat(step.observations()[i]).as("tick %d agent %d", t, i)
            .containsExactly(doubles(trace.get("observations").get(t + 1).get(i)));
        assertThat(step.rewards()[i]).isEqualTo(trace.get("rewards").get(t).get(i).asDouble());
        rewardSum += Math.abs(step.rewards()[i]);
      }
      assertThat(step.terminated()).isEqualTo(t == ticks - 1);
    }
    assertThat(rewardSum).as("the market moved").isGreaterThan(0);
  }

  @Test
  void theSteppedMarketReachesTheLoopsTotals() {
    // given the scenario's own agents
    Scenario s = small();
    MarketLoop.Totals whole = new MarketLoop(s).run();
    MarketSteps steps = new MarketSteps(s, a -> null);
    while (!steps.done()) {
      steps.step();
    }
    assertThat(steps.totals().spendMicros()).containsExactly(whole.spendMicros());
    assertThat(steps.totals().revenueMicros()).containsExactly(whole.revenueMicros());
    assertThat(steps.auctions()).isEqualTo(whole.auctions()).isPositive();
  }

  @Test
  void theSameSeedRepeatsAndAnotherSeedDiffers() {
    EnvSpec spec = EnvSpec.of(small(), List.of("adaptive"), 3.0);
    EnvSession a = new EnvSession(spec), b = new EnvSession(spec), c = new EnvSession(spec);
    a.reset(5);
    b.reset(5);
    c.reset(6);
    double[] ra = new double[24], rb = new double[24], rc = new double[24];
    for (int t = 0; t < 24; t++) {
      ra[t] = a.step(new double[] {1.5}).rewards()[0];
      rb[t] = b.step(new double[] {1.5}).rewards()[0];
      rc[t] = c.step(new double[] {1.5}).rewards()[0];
    }
    assertThat(ra).containsExactly(rb);
    assertThat(ra).isNotEqualTo(rc);
  }

  @Test
  void badActionsAreRefusedWithWhatIsAllowedAndNothingIsPlayed() {
    EnvSpec spec = EnvSpec.of(small(), List.of("adaptive"), 3.0);
    EnvSession env = new EnvSession(spec);
    env.reset(1);
    assertThatThrownBy(() -> env.step(new double[] {1, 1})).hasMessageContaining("expected 1 action(s)");
    assertThatThrownBy(() -> env.step(new double[] {Double.NaN})).hasMessageContaining("is NaN; allowed: a multiplier from 0 to 3.0");
    assertThatThrownBy(() -> env.step(new double[] {3.5})).hasMessageContaining("3.5; allowed");
    assertThatThrownBy(() -> env.step(new double[] {-0.1})).hasMessageContaining("-0.1; allowed");
    assertThat(env.step(new double[] {1}).ticksPlayed()).isEqualTo(1);
  }

  @Test
  void anEpisodeEndsAtTheScenariosLastTickAndMustBeReset() {
    EnvSession env = new EnvSession(EnvSpec.of(small(), List.of("adaptive"), 3.0));
    assertThatThrownBy(() -> env.step(new double[] {1})).hasMessageContaining("reset the environment first");
    env.reset(1);
    for (int t = 0; t < 24; t++) {
      env.step(new double[] {1});
    }
    assertThatThrownBy(() -> env.step(new double[] {1})).hasMessageContaining("the episode is over");
  }

  @Test
  void anUnknownOrRepeatedAgentIsRefused() {
    assertThatThrownBy(() -> EnvSpec.of(small(), List.of("nobody"), 3.0)).hasMessageContaining("no agent 'nobody'");
    assertThatThrownBy(() -> EnvSpec.of(small(), List.of("adaptive", "adaptive"), 3.0)).hasMessageContaining("twice");
  }

  private static double[] doubles(JsonNode array) {
    double[] d = new double[array.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = array.get(i).asDouble();
    }
    return d;
  }
}
