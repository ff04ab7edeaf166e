package org.bidarena.training.env;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.bidarena.agents.TickSettlement;
import org.bidarena.agents.learning.PlayedActions;
import org.bidarena.core.customer.Stage;

/**
 * The step protocol of one client connection: a JSON request in, a JSON reply out, every reply
 * {@code "ok": true} or {@code "ok": false} with one {@code "error"} line. The connection's environment
 * copies live here and go when it closes. No socket: {@link StepServer} only moves the bytes.
 *
 * <p>Requests ({@code op}): {@code hello}; {@code make} (a new copy, returns its {@code env} id);
 * {@code reset} {env, seed}; {@code step} {env, actions: [one multiplier per agent]}; {@code step_many}
 * {steps: [{env, actions}, ...]}, checked whole before any copy moves; {@code record} {env, path}: writes the
 * finished episode's actions to a new file on the server's disk and returns the {@code bidarena run} arguments
 * that play it again through the actors, journaled; {@code close} {env}.
 */
public final class EnvService {
  public static final int PROTOCOL = 1;
  /** Copies one connection may hold, so that a runaway client cannot exhaust the server's memory. */
  public static final int MAX_ENVS = 1024;
  private static final List<String> OPS = List.of("hello", "make", "reset", "step", "step_many", "record", "close");
  // NaN and Infinity are read so that a NaN action gets the action's own error, not a parse error.
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final EnvSpec spec;
  private final ForkJoinPool pool;
  private final Map<Integer, EnvSession> envs = new TreeMap<>();
  private int nextId;

  /** A service that steps the copies of a step_many one after another. */
  public EnvService(EnvSpec spec) {
    this(spec, null);
  }

  /** @param pool the threads a step_many's copies step on in parallel, or null for one after another */
  public EnvService(EnvSpec spec, ForkJoinPool pool) {
    this.spec = spec;
    this.pool = pool;
  }

  /** Answers one request's bytes; never throws for anything the client sent. */
  public byte[] handle(byte[] request) {
    ObjectNode reply;
    try {
      reply = handle(JSON.readTree(new String(request, StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      reply = error("the request is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      reply = error("the request cannot be read: " + e.getMessage());
    }
    try {
      return JSON.writeValueAsBytes(reply);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers one request. */
  public ObjectNode handle(JsonNode request) {
    try {
      if (request == null || !request.isObject()) {
        throw new IllegalArgumentException("a request must be a JSON object with an \"op\"");
      }
      String op = request.path("op").asText("");
      return switch (op) {
        case "hello" -> hello();
        case "make" -> make();
        case "reset" -> reset(request);
        case "step" -> step(session(request), actions(request.get("actions")));
        case "step_many" -> stepMany(request);
        case "record" -> record(request);
        case "close" -> close(request);
        default -> throw new IllegalArgumentException("unknown op '" + op + "'; allowed: " + String.join(", ", OPS));
      };
    } catch (IllegalArgumentException | IllegalStateException e) {
      return error(e.getMessage());
    }
  }

  /** The copies this connection holds. */
  public int envCount() {
    return envs.size();
  }

  private ObjectNode hello() {
    ObjectNode r = ok();
    r.put("protocol", PROTOCOL);
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

  private ObjectNode make() {
    if (envs.size() >= MAX_ENVS) {
      throw new IllegalStateException("this connection already holds " + MAX_ENVS + " environments; close some first");
    }
    int id = nextId++;
    envs.put(id, new EnvSession(spec));
    return ok().put("env", id);
  }

  private ObjectNode reset(JsonNode request) {
    EnvSession s = session(request);
    JsonNode seed = request.get("seed");
    if (seed == null || !seed.canConvertToLong() || !seed.isIntegralNumber()) {
      throw new IllegalArgumentException("reset needs an integer \"seed\", got " + seed);
    }
    double[][] obs = s.reset(seed.longValue());
    ObjectNode r = ok().put("env", request.get("env").asInt());
    put(r.putArray("obs"), obs);
    r.putObject("info").put("tick", 0).put("seed", seed.longValue());
    return r;
  }

  private ObjectNode step(EnvSession s, double[] actions) {
    return stepped(s, s.step(actions));
  }

  private ObjectNode stepMany(JsonNode request) {
    JsonNode steps = request.get("steps");
    if (steps == null || !steps.isArray()) {
      throw new IllegalArgumentException("step_many needs \"steps\": a list of {\"env\", \"actions\"}");
    }
    List<EnvSession> sessions = new ArrayList<>();
    List<double[]> actions = new ArrayList<>();
    for (JsonNode step : steps) {
      EnvSession s = session(step);
      if (sessions.contains(s)) {
        throw new IllegalArgumentException("env " + step.get("env") + " appears twice in one step_many");
      }
      double[] a = actions(step.get("actions"));
      try {
        s.check(a);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("env " + step.get("env") + ": " + e.getMessage());
      }
      sessions.add(s);
      actions.add(a);
    }
    // The copies are independent markets, so they may step in parallel; each reply keeps its copy's place,
    // and no copy's numbers depend on the threads.
    ObjectNode[] replies = new ObjectNode[sessions.size()];
    IntConsumer stepOne = i -> {
      try {
        replies[i] = stepped(sessions.get(i), sessions.get(i).step(actions.get(i)));
      } catch (IllegalStateException e) {
        replies[i] = error("env " + steps.get(i).get("env") + ": " + e.getMessage());
      }
    };
    if (pool == null || replies.length < 2) {
      IntStream.range(0, replies.length).forEach(stepOne);
    } else {
      pool.submit(() -> IntStream.range(0, replies.length).parallel().forEach(stepOne)).join();
    }
    ObjectNode r = ok();
    ArrayNode results = r.putArray("results");
    for (ObjectNode reply : replies) {
      results.add(reply);
    }
    return r;
  }

  private ObjectNode record(JsonNode request) {
    EnvSession s = session(request);
    JsonNode path = request.get("path");
    if (path == null || !path.isTextual() || path.asText().isBlank()) {
      throw new IllegalArgumentException("record needs \"path\": the actions file to write (a new file)");
    }
    if (!s.episodeOver()) {
      throw new IllegalStateException("record needs a finished episode: play env " + request.get("env")
          + " to its last tick first");
    }
    Path file = Path.of(path.asText()).toAbsolutePath();
    try {
      new PlayedActions(spec.agents(), s.actions()).write(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
    }
    ObjectNode r = ok().put("path", file.toString());
    ArrayNode run = r.putArray("run");
    run.add("run");
    spec.runArguments().forEach(run::add);
    run.add("--seed").add(Long.toString(s.seed()));
    for (int i = 0; i < spec.agents().size(); i++) {
      String agent = spec.agents().get(i);
      run.add("--set").add("agents." + agent + ".strategy=scripted");
      run.add("--set").add("agents." + agent + ".actions=\"" + file.toString().replace("\\", "/") + "\"");
      run.add("--set").add("agents." + agent + ".stages=" + stageList(spec.agent(i).stageMask()));
    }
    return r;
  }

  private ObjectNode close(JsonNode request) {
    session(request);
    envs.remove(request.get("env").asInt());
    return ok();
  }

  private ObjectNode stepped(EnvSession s, EnvSession.Step step) {
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

  private EnvSession session(JsonNode request) {
    JsonNode env = request == null ? null : request.get("env");
    if (env == null || !env.isIntegralNumber()) {
      throw new IllegalArgumentException("the request needs an integer \"env\" id (from \"make\")");
    }
    EnvSession s = env.canConvertToInt() ? envs.get(env.asInt()) : null;
    if (s == null) {
      throw new IllegalArgumentException("unknown env " + env + "; this connection has " + envs.keySet());
    }
    return s;
  }

  private double[] actions(JsonNode actions) {
    if (actions == null || !actions.isArray()) {
      throw new IllegalArgumentException("\"actions\" must be a list of " + spec.agents().size()
          + " multiplier(s), one per agent " + spec.agents() + ", got " + actions);
    }
    double[] a = new double[actions.size()];
    for (int i = 0; i < a.length; i++) {
      JsonNode v = actions.get(i);
      if (!v.isNumber()) {
        throw new IllegalArgumentException("action " + i + " is " + v + ", not a number; allowed: a multiplier from 0 to "
            + spec.maxMultiplier());
      }
      a[i] = v.doubleValue();
    }
    return a;
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

  private static ObjectNode ok() {
    return JSON.createObjectNode().put("ok", true);
  }

  private static ObjectNode error(String message) {
    return JSON.createObjectNode().put("ok", false).put("error", message);
  }
}
