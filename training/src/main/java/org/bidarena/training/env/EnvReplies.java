package org.bidarena.training.env;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.agents.TickSettlement;
import org.bidarena.core.customer.Stage;

/** The step protocol's replies as JSON: what {@link EnvService} answers, built from plain values. */
final class EnvReplies {
  // NaN and Infinity are read so that a NaN action gets the action's own error, not a parse error.
  static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private EnvReplies() {}

  static ObjectNode hello(EnvSpec spec) {
    ObjectNode r = ok();
    r.put("protocol", EnvService.PROTOCOL);
    r.put("scenario", spec.scenario().name());
    ArrayNode agents = r.putArray("agents");
    spec.agents().forEach(agents::add);
    r.put("observation_size", spec.observationSize());
    ArrayNode names = r.putArray("observation_names");
    for (String n : EnvSpec.OBSERVATION_NAMES) {
      names.add(n);
    }
    r.put("action_low", 0.0);
    r.put("action_high", spec.maxMultiplier());
    r.put("ticks", spec.scenario().totalTicks());
    r.put("ticks_per_day", spec.scenario().ticksPerDay());
    r.put("base_bid_micros", spec.scenario().baseBidMicros());
    r.put("margin_ppm", spec.scenario().reporting().marginPpm());
    ArrayNode budgets = r.putArray("daily_budget_micros");
    for (int i = 0; i < spec.agents().size(); i++) {
      budgets.add(spec.agent(i).dailyBudgetMicros());
    }
    return r;
  }

  static ObjectNode reset(int env, long seed, double[][] obs) {
    ObjectNode r = ok().put("env", env);
    put(r.putArray("obs"), obs);
    r.putObject("info").put("tick", 0).put("seed", seed);
    return r;
  }

  static ObjectNode stepped(EnvSession.Step step) {
    ObjectNode r = ok();
    put(r.putArray("obs"), step.observations());
    ArrayNode rewards = r.putArray("rewards");
    for (double v : step.rewards()) {
      rewards.add(v);
    }
    r.put("terminated", step.terminated());
    r.put("truncated", false);
    ObjectNode info = r.putObject("info");
    info.put("tick", step.ticksPlayed());
    info.put("auctions", step.auctions());
    ArrayNode bids = info.putArray("bids");
    ArrayNode impressions = info.putArray("impressions");
    ArrayNode spend = info.putArray("spend_micros");
    ArrayNode clicks = info.putArray("clicks");
    ArrayNode conversions = info.putArray("conversions");
    ArrayNode revenue = info.putArray("revenue_micros");
    for (TickSettlement t : step.settled()) {
      bids.add(t.bids());
      impressions.add(t.impressions());
      spend.add(t.spendMicros());
      clicks.add(t.clicks());
      conversions.add(t.conversions());
      revenue.add(t.revenueMicros());
    }
    return r;
  }

  /** The reply to record: the file, and the {@code bidarena run} arguments that play it through the actors. */
  static ObjectNode recorded(EnvSpec spec, long seed, Path file) {
    ObjectNode r = ok().put("path", file.toString());
    ArrayNode run = r.putArray("run");
    run.add("run");
    spec.runArguments().forEach(run::add);
    run.add("--seed").add(Long.toString(seed));
    for (int i = 0; i < spec.agents().size(); i++) {
      String agent = spec.agents().get(i);
      run.add("--set").add("agents." + agent + ".strategy=scripted");
      run.add("--set").add("agents." + agent + ".actions=\"" + file.toString().replace("\\", "/") + "\"");
      run.add("--set").add("agents." + agent + ".stages=" + stageList(spec.agent(i).stageMask()));
    }
    return r;
  }

  /** A stage mask as a scenario list, {@code [awareness,churn-risk]}: the slot keeps its stages under the script. */
  private static String stageList(int mask) {
    List<String> keys = new ArrayList<>();
    for (Stage st : Stage.values()) {
      if ((mask & (1 << st.ordinal())) != 0) {
        keys.add(st.key());
      }
    }
    return "[" + String.join(",", keys) + "]";
  }

  private static void put(ArrayNode to, double[][] rows) {
    for (double[] row : rows) {
      ArrayNode a = to.addArray();
      for (double v : row) {
        a.add(v);
      }
    }
  }

  static ObjectNode ok() {
    return JSON.createObjectNode().put("ok", true);
  }

  static ObjectNode error(String message) {
    return JSON.createObjectNode().put("ok", false).put("error", message);
  }
}
