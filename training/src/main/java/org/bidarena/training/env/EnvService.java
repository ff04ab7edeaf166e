package org.bidarena.training.env;

import static org.bidarena.training.env.EnvReplies.error;
import static org.bidarena.training.env.EnvReplies.hello;
import static org.bidarena.training.env.EnvReplies.ok;
import static org.bidarena.training.env.EnvReplies.recorded;
import static org.bidarena.training.env.EnvReplies.stepped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.bidarena.agents.learning.PlayedActions;

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
      reply = handle(EnvReplies.JSON.readTree(new String(request, StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      reply = error("the request is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      reply = error("the request cannot be read: " + e.getMessage());
    }
    try {
      return EnvReplies.JSON.writeValueAsBytes(reply);
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
        case "hello" -> hello(spec);
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
    return EnvReplies.reset(request.get("env").asInt(), seed.longValue(), obs);
  }

  private ObjectNode step(EnvSession s, double[] actions) {
    return stepped(s.step(actions));
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
        replies[i] = stepped(sessions.get(i).step(actions.get(i)));
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
    return recorded(spec, s.seed(), file);
  }

  private ObjectNode close(JsonNode request) {
    session(request);
    envs.remove(request.get("env").asInt());
    return ok();
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

}
