package org.bidarena.core.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bidarena.core.customer.Stage;

/**
 * Reads the agents of a scenario. Each agent is its own block over {@code agent-defaults}; its strategy
 * must be in the {@link StrategyCatalog}, which declares the settings the agent may give, their ranges and
 * defaults, and the stages it targets unless told otherwise.
 */
final class AgentValidator {
  private static final Pattern AGENT_ID = Pattern.compile("[a-z0-9-]{1,32}");
  /** Bidding entities a run may have: agent indices are ints, bids sparse, so cost grows with bids. */
  private static final int MAX_AGENTS = 10_000;
  /** Creatives per agent: the index travels in a byte of the touch history. */
  static final int MAX_CREATIVES = 64;

  private final ConfigNode root;
  private final StrategyCatalog catalog;
  private final List<String> agentKeys;
  private final FeatureSpec features;

  AgentValidator(ConfigNode root, StrategyCatalog catalog, FeatureSpec features) {
    this.root = root;
    this.catalog = catalog;
    this.features = features;
    this.agentKeys = AgentKeys.allowed(catalog);
  }

  List<AgentSpec> agents() {
    ConfigNode defaults = root.child("agent-defaults", agentKeys);
    checkDefaults(defaults);
    ConfigNode agents = root.child("agents", null);
    int n = agents.obj().size();
    if (n < 1 || n > MAX_AGENTS) {
      throw new ScenarioException("agents: " + n + " agents defined, must define 1 to " + MAX_AGENTS);
    }
    List<AgentSpec> out = new ArrayList<>();
    for (String id : new TreeSet<>(agents.obj().keySet())) {
      if (!AGENT_ID.matcher(id).matches()) {
        throw new ScenarioException(agents.at(id) + ": agent id must match [a-z0-9-]{1,32}");
      }
      out.add(new Agent(agents.child(id, agentKeys), defaults).read(id));
    }
    return out;
  }

  /** agent-defaults is checked even when every agent sets its own values: a bad default is still a mistake. */
  private void checkDefaults(ConfigNode defaults) {
    if (defaults.has("daily-budget")) {
      defaults.money("daily-budget", false);
    }
    if (defaults.has("pacing")) {
      defaults.choice("pacing", Pacing.values(), Pacing::key);
    }
    if (defaults.has("frequency-cap")) {
      defaults.integer("frequency-cap", 1, 127);
    }
    if (defaults.has("relevance")) {
      defaults.number("relevance", 0, 10);
    }
    if (defaults.has("interests")) {
      interests(defaults);
    }
    if (defaults.has("lift")) {
      defaults.number("lift", 0, 10);
    }
    if (defaults.has("creatives")) {
      creatives(defaults);
    }
  }

  private int interests(ConfigNode node) {
    return features.interestMask(node.names("interests", features.interests(), null, FeatureSpec.MAX_INTERESTS));
  }

  /** {@code creatives = [{ name = "spring", appeal = 1.2 }, ...]}: 1 to MAX_CREATIVES, distinct names. */
  private static List<CreativeSpec> creatives(ConfigNode node) {
    String allowed = "must be a list of 1 to " + MAX_CREATIVES + " objects { name = [a-z0-9-]{1,32}, appeal = 0..10 }"
        + " with distinct names";
    com.typesafe.config.ConfigValue v = node.obj().get("creatives");
    if (!(v instanceof com.typesafe.config.ConfigList list) || list.isEmpty() || list.size() > MAX_CREATIVES) {
      throw node.fail("creatives", allowed);
    }
    List<CreativeSpec> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof com.typesafe.config.ConfigObject obj)) {
        throw node.fail("creatives", allowed);
      }
      ConfigNode c = new ConfigNode(node.at("creatives") + "[" + i + "]", obj);
      c.onlyKeys(List.of("name", "appeal"));
      String name = c.string("name", 32);
      if (!AGENT_ID.matcher(name).matches() || out.stream().anyMatch(x -> x.name().equals(name))) {
        throw node.fail("creatives", allowed);
      }
      out.add(new CreativeSpec(name, c.number("appeal", 0, 10)));
    }
    return out;
  }

  /** One agent: its own block first, then agent-defaults, then its strategy's defaults. */
  private final class Agent {
    private final ConfigNode own;
    private final ConfigNode defaults;

    Agent(ConfigNode own, ConfigNode defaults) {
      this.own = own;
      this.defaults = defaults;
    }

    AgentSpec read(String id) {
      String name = from("strategy").name("strategy", catalog.names(), "strategy");
      StrategyDeclaration strategy = catalog.find(name).orElseThrow();
      long budget = from("daily-budget").money("daily-budget", false);
      Pacing pacing = from("pacing").choice("pacing", Pacing.values(), Pacing::key);
      int frequencyCap = (int) from("frequency-cap").integer("frequency-cap", 1, 127);
      double relevance = from("relevance").number("relevance", 0, 10);
      int stages = given("stages") ? from("stages").stageMask("stages") : mask(strategy);
      int interests = given("interests") ? interests(from("interests")) : 0;
      double lift = given("lift") ? from("lift").number("lift", 0, 10) : 1.0;
      List<CreativeSpec> creatives = given("creatives") ? creatives(from("creatives")) : List.of(CreativeSpec.DEFAULT);
      AgentSpec spec = new AgentSpec(id, name, budget, pacing, frequencyCap, relevance, stages, settings(strategy),
          interests, lift, creatives);
      try {
        strategy.check(spec);
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(own.at("strategy") + ": " + e.getMessage());
      }
      return spec;
    }

    private StrategySettings settings(StrategyDeclaration strategy) {
      List<StrategySettings.Value> values = new ArrayList<>();
      for (Setting s : strategy.settings()) {
        if (s.type() == Setting.Type.TEXT) {
          if (!given(s.key())) {
            throw new ScenarioException(own.at(s.key()) + ": missing; strategy " + strategy.name() + " needs it ("
                + s.meaning() + ")");
          }
          values.add(StrategySettings.Value.text(s.key(), from(s.key()).string(s.key(), (int) s.max())));
          continue;
        }
        Number v = given(s.key()) ? value(from(s.key()), s.key(), s) : fallback(s);
        values.add(new StrategySettings.Value(s.key(), s.type(), v));
      }
      StrategySettings settings = new StrategySettings(values);
      for (StrategyDeclaration.AtMost order : strategy.orderings()) {
        double low = settings.values().stream().filter(v -> v.key().equals(order.low())).findFirst().orElseThrow()
            .value().doubleValue();
        double high = settings.values().stream().filter(v -> v.key().equals(order.high())).findFirst().orElseThrow()
            .value().doubleValue();
        if (low > high) {
          throw given(order.high())
              ? from(order.high()).fail(order.high(), "must be at least " + order.low() + " (" + low + ")")
              : from(order.low()).fail(order.low(), "must be at most " + order.high() + " (" + high + ")");
        }
      }
      return settings;
    }

    /** The default of a setting the agent does not give: a value, or another scenario key's value. */
    private Number fallback(Setting s) {
      if (s.defaultValue() != null) {
        return s.type() == Setting.Type.INTEGER || s.type() == Setting.Type.CPM
            ? (Number) s.defaultValue().longValue()
            : (Number) s.defaultValue().doubleValue();
      }
      if (s.defaultKey() == null) {
        throw new ScenarioException(own.at(s.key()) + ": missing, its strategy has no default for it");
      }
      int dot = s.defaultKey().lastIndexOf('.');
      ConfigNode parent = root;
      for (String part : s.defaultKey().substring(0, Math.max(0, dot)).split("\\.")) {
        if (!part.isEmpty()) {
          parent = parent.child(part, null);
        }
      }
      return value(parent, s.defaultKey().substring(dot + 1), s);
    }

    private boolean given(String key) {
      return own.has(key) || defaults.has(key);
    }

    /** The block that supplies {@code key}, so that messages name where the value came from. */
    private ConfigNode from(String key) {
      return own.has(key) || !defaults.has(key) ? own : defaults;
    }
  }

  /** A setting's value from {@code node.key}, checked against its type and range. */
  private static Number value(ConfigNode node, String key, Setting s) {
    return switch (s.type()) {
      case NUMBER -> node.number(key, s.min(), s.max());
      case POSITIVE -> node.positive(key, s.max());
      case INTEGER -> node.integer(key, (long) s.min(), (long) s.max());
      case CPM -> node.cpm(key, false, BigDecimal.valueOf(s.max()).stripTrailingZeros());
      case TEXT -> throw new IllegalStateException("a text setting has no number");
    };
  }

  private static int mask(StrategyDeclaration strategy) {
    int m = 0;
    for (Stage s : strategy.defaultStages()) {
      m |= 1 << s.ordinal();
    }
    return m;
  }
}
