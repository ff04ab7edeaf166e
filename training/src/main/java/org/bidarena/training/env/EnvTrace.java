package org.bidarena.training.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.training.MarketLoop;

/**
 * One episode played the way {@code bidarena train} plays it (a learner supplied to {@link MarketLoop#run()},
 * started with {@code startEpisode(agent, market)}), with a fixed list of multipliers, written as JSON: the
 * reference a step-server client must reproduce bit for bit for the same seed and actions.
 */
public final class EnvTrace {
  private EnvTrace() {}

  /** The multiplier agent {@code i} of {@code n} plays at tick {@code t}: the list read round and round. */
  public static double multiplier(double[] cycle, long t, int i, int n) {
    return cycle[(int) ((t * n + i) % cycle.length)];
  }

  /** Plays the episode on {@code seed} and returns {scenario, agents, seed, actions, observations, rewards, totals}. */
  public static ObjectNode play(EnvSpec spec, long seed, double[] cycle) {
    Scenario market = spec.scenario().withSeed(seed);
    int n = spec.agents().size();
    ScriptedLearner[] learners = new ScriptedLearner[n];
    for (int i = 0; i < n; i++) {
      int agent = i;
      learners[i] = new ScriptedLearner(market.agents().get(spec.agentIndex()[i]), market, spec.maxMultiplier(),
          t -> multiplier(cycle, t, agent, n));
      learners[i].startEpisode(market.agents().get(spec.agentIndex()[i]), market);
    }
    MarketLoop.Totals totals = new MarketLoop(market, a -> {
      for (int i = 0; i < n; i++) {
        if (spec.agentIndex()[i] == a) {
          return learners[i];
        }
      }
      return null;
    }).run();
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    out.put("scenario", market.name());
    ArrayNode agents = out.putArray("agents");
    spec.agents().forEach(agents::add);
    out.put("seed", seed);
    out.put("ticks", market.totalTicks());
    ArrayNode actions = out.putArray("actions");
    ArrayNode observations = out.putArray("observations");
    ArrayNode rewards = out.putArray("rewards");
    for (long t = 0; t <= market.totalTicks(); t++) {
      ArrayNode obs = observations.addArray();
      for (ScriptedLearner l : learners) {
        add(obs.addArray(), l.states().get((int) t));
      }
      if (t == market.totalTicks()) {
        break;
      }
      ArrayNode act = actions.addArray();
      ArrayNode rew = rewards.addArray();
      for (int i = 0; i < n; i++) {
        act.add(multiplier(cycle, t, i, n));
        rew.add(learners[i].rewards().get((int) t));
      }
    }
    ObjectNode sums = out.putObject("totals");
    sums.put("auctions", totals.auctions());
    ArrayNode spend = sums.putArray("spend_micros");
    ArrayNode clicks = sums.putArray("clicks");
    for (int i = 0; i < n; i++) {
      spend.add(totals.spendMicros()[spec.agentIndex()[i]]);
      clicks.add(totals.clicks()[spec.agentIndex()[i]]);
    }
    return out;
  }

  private static void add(ArrayNode to, double[] values) {
    for (double v : values) {
      to.add(v);
    }
  }

  /** Parses "0.5,1.2,..." into the multipliers of a trace; one line on what is wrong. */
  public static double[] parseCycle(String list, double maxMultiplier) {
    List<String> parts = List.of(list.split(","));
    double[] cycle = new double[parts.size()];
    for (int i = 0; i < cycle.length; i++) {
      try {
        cycle[i] = Double.parseDouble(parts.get(i).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--actions must be multipliers separated by commas, got '" + parts.get(i) + "'");
      }
      if (!(cycle[i] >= 0 && cycle[i] <= maxMultiplier)) {
        throw new IllegalArgumentException("--actions: " + parts.get(i) + " is out of range; allowed: 0 to " + maxMultiplier);
      }
    }
    return cycle;
  }
}
