package org.bidarena.agents.learning;

import java.nio.file.Path;
import java.util.List;
import org.bidarena.agents.BidContext;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.StrategyEntry;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;

/**
 * Plays the multipliers of a {@link PlayedActions} file, one per tick, priced as a learner prices them
 * (round(base bid x multiplier) on every row): an episode a Python client played on the step server, run
 * again through the actors with a journal, so it can be replayed, reported and resumed like any run.
 */
public final class ScriptedStrategy implements BiddingStrategy {
  private final long baseBidMicros;
  private final double[] multipliers;
  private long lastTick;

  ScriptedStrategy(long baseBidMicros, double[] multipliers) {
    this.baseBidMicros = baseBidMicros;
    this.multipliers = multipliers;
  }

  @Override
  public long bid(BidContext context) {
    return uniformBid(context.tick(), context.partition());
  }

  @Override
  public long uniformBid(long tick, int partition) {
    lastTick = tick;
    return Math.round(baseBidMicros * multipliers[(int) tick]);
  }

  @Override
  public double multiplier() {
    return multipliers[(int) lastTick];
  }

  /** The tick it last priced (what {@link #multiplier()} reports), so a resumed run reports the same. */
  @Override
  public double[] state() {
    return new double[] {lastTick};
  }

  @Override
  public void restore(double[] state) {
    if (state.length != 1) {
      throw new IllegalArgumentException("a scripted strategy's state is 1 value, got " + state.length);
    }
    lastTick = (long) state[0];
  }

  /** The catalog entry {@code scripted}. */
  public static final class Entry implements StrategyEntry {
    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public List<Setting> settings() {
      return List.of(Setting.text("actions", "path",
          "the actions file a step-server client recorded (env serve's record op): one multiplier per tick"));
    }

    @Override
    public void check(AgentSpec agent, Scenario scenario) {
      multipliers(agent, scenario);
    }

    private static double[] multipliers(AgentSpec agent, Scenario scenario) {
      String file = agent.settings().string("actions");
      double[] m = PlayedActions.read(Path.of(file)).of(agent.id());
      if (m.length != scenario.totalTicks()) {
        throw new IllegalArgumentException("actions file " + file + " has " + m.length + " ticks; the scenario has "
            + scenario.totalTicks());
      }
      return m;
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      return new ScriptedStrategy(scenario.baseBidMicros(), multipliers(agent, scenario));
    }
  }
}
