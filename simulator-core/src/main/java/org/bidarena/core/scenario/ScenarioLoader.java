package org.bidarena.core.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bidarena.core.customer.Stage;

/**
 * Reads a scenario: the shipped default file, a user file laid over it, then {@code --set key=value}
 * overrides. Every key is validated strictly (types, ranges, unknown keys); any problem is a
 * {@link ScenarioException} with a one-line message. {@link #render} writes a resolved scenario back.
 *
 * <p>Merge rule: a user file (or an override of the key {@code agents} itself) that defines {@code agents}
 * replaces the default agents as a set; a deeper override such as {@code agents.adaptive.step} edits the
 * agents resolved so far. {@code agent-defaults} always applies.
 */
public final class ScenarioLoader {
  static final String DEFAULT_RESOURCE = "bidarena/default-scenario.conf";

  private static final Pattern AGENT_ID = Pattern.compile("[a-z0-9-]{1,32}");
  private static final int MAX_AGENTS = 64;
  private static final BigDecimal MAX_MONEY = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal MAX_CPM = BigDecimal.valueOf(1_000_000L);
  private static final int ALL_STAGES = (1 << Stage.COUNT) - 1;
  private static final List<String> STAGE_KEYS = Arrays.stream(Stage.values()).map(Stage::key).toList();

  private static final List<String> TOP_KEYS = List.of(
      "name", "seed", "time", "customers", "exchange", "auction", "bidding", "journal", "agent-defaults",
      "agents");
  private static final List<String> CUSTOMER_KEYS = List.of(
      "count", "shards", "initial-mix", "visits-per-day", "diurnal-amplitude", "peak-hour", "ctr",
      "conversion", "order-value", "transitions");
  private static final List<String> TRANSITION_KEYS = List.of(
      "exposure-to-interest", "click-to-interest", "click-to-consideration",
      "churn-risk-click-to-consideration", "purchase-to-retention-days", "retention-to-churn-risk-days",
      "churn-risk-to-awareness-days", "interest-cooldown-days", "consideration-cooldown-days");
  private static final List<String> AGENT_KEYS = List.of(
      "strategy", "daily-budget", "pacing", "frequency-cap", "relevance", "multiplier", "stages", "bid-cpm",
      "target-roas", "target-win-rate", "step", "min-multiplier", "max-multiplier", "half-life-ticks");

  private ScenarioLoader() {}

  public static Scenario loadDefault(List<String> overrides, Long seedOverride) {
    return load(null, overrides, seedOverride);
  }

  /** Loads {@code file} (null = the default alone) with {@code --set} overrides and an optional seed. */
  public static Scenario load(Path file, List<String> overrides, Long seedOverride) {
    Config merged = defaults();
    if (file != null) {
      merged = layer(merged, parseFile(file), true);
    }
    for (String override : overrides == null ? List.<String>of() : overrides) {
      merged = applyOverride(merged, override);
    }
    Scenario scenario = validate(resolve(merged));
    return seedOverride == null ? scenario : scenario.withSeed(seedOverride);
  }

  /** Lays {@code userConfig} over the default file, as a scenario file would be, and validates it. */
  public static Scenario fromConfig(Config userConfig) {
    return validate(resolve(layer(defaults(), userConfig, true)));
  }

  // ---------------------------------------------------------------- merging

  private static Config defaults() {
    try {
      return ConfigFactory.parseResources(
          ScenarioLoader.class.getClassLoader(), DEFAULT_RESOURCE,
          ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
    } catch (ConfigException e) {
      throw new ScenarioException("default scenario " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static Config parseFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ScenarioException("scenario file " + file + ": not found");
    }
    try {
      return ConfigFactory.parseFile(
          file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
    } catch (ConfigException e) {
      throw new ScenarioException("scenario file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Config applyOverride(Config base, String override) {
    int eq = override.indexOf('=');
    String key = eq < 0 ? "" : override.substring(0, eq).trim();
    if (key.isEmpty()) {
      throw new ScenarioException("--set " + override + ": must be key=value, e.g. customers.count=500");
    }
    String value = override.substring(eq + 1).trim();
    try {
      List<String> path = ConfigUtil.splitPath(key);
      Config parsed = ConfigFactory.parseString(
          key + " = " + value, ConfigParseOptions.defaults().setOriginDescription("--set " + key));
      return layer(base, parsed, path.equals(List.of("agents")));
    } catch (ConfigException e) {
      throw new ScenarioException("--set " + override + ": cannot parse: " + e.getMessage(), e);
    }
  }

  private static Config layer(Config base, Config top, boolean replaceAgents) {
    if (replaceAgents && top.root().containsKey("agents")) {
      return top.withFallback(base.withoutPath("agents"));
    }
    return top.withFallback(base);
  }

  private static Config resolve(Config merged) {
    try {
      return merged.resolve();
    } catch (ConfigException e) {
      throw new ScenarioException("scenario: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- validation

  private static Scenario validate(Config config) {
    Node root = new Node("", config.root());
    root.onlyKeys(TOP_KEYS);
    String name = root.string("name", 100);
    long seed = root.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);

    Node time = root.child("time", List.of("days", "ticks-per-day"));
    int days = (int) time.integer("days", 1, 3650);
    int ticksPerDay = (int) time.integer("ticks-per-day", 1, 1440);

    Node customerNode = root.child("customers", CUSTOMER_KEYS);
    CustomerModelSpec customers = customers(customerNode, ticksPerDay);
    int shards = (int) customerNode.integer("shards", 1, 4096);
    if (shards > customers.count()) {
      throw customerNode.fail("shards", "must be at most customers.count (" + customers.count() + ")");
    }

    Node exchange = root.child("exchange", List.of("partitions"));
    int partitions = (int) exchange.integer("partitions", 1, 1024);
    if (partitions > shards) {
      throw exchange.fail("partitions", "must be at most customers.shards (" + shards + ")");
    }

    AuctionSpec auction = auction(root.child("auction", List.of("type", "reserve-cpm", "min-bid-cpm", "max-bid-cpm")));
    long baseBid = root.child("bidding", List.of("base-cpm")).cpm("base-cpm", true);
    int checkpointEvery = (int) root.child("journal", List.of("checkpoint-every-ticks"))
        .integer("checkpoint-every-ticks", 0, 1_000_000);

    List<AgentSpec> agents = agents(root, baseBid);
    return new Scenario(
        name, seed, days, ticksPerDay, customers, shards, partitions, auction, baseBid, agents, checkpointEvery);
  }

  private static CustomerModelSpec customers(Node c, int ticksPerDay) {
    int count = (int) c.integer("count", 1, 100_000_000);
    PerStage mix = c.perStage("initial-mix", 0, 1);
    double sum = Arrays.stream(mix.values()).sum();
    if (Math.abs(sum - 1.0) > 1e-9) {
      throw c.fail("initial-mix", "the shares must sum to 1 (they sum to " + sum + ")");
    }
    PerStage visits = c.perStage("visits-per-day", 0, ticksPerDay);
    double amplitude = c.number("diurnal-amplitude", 0, 0.99);
    int peakHour = (int) c.integer("peak-hour", 0, 23);

    Node ctr = c.child("ctr", List.of("base", "stage-factor", "fatigue-threshold", "fatigue-drop", "retargeting-lift"));
    double baseCtr = ctr.number("base", 0, 1);
    PerStage ctrFactor = ctr.perStage("stage-factor", 0, 100);
    int fatigueThreshold = (int) ctr.integer("fatigue-threshold", 1, 10_000);
    double fatigueDrop = ctr.number("fatigue-drop", 0, 1);
    double retargetingLift = ctr.number("retargeting-lift", 0, 100);

    Node conv = c.child("conversion", List.of("base", "stage-factor", "delayed", "attribution-window-days"));
    double baseConversion = conv.number("base", 0, 1);
    PerStage conversionFactor = conv.perStage("stage-factor", 0, 100);
    double delayed = conv.number("delayed", 0, 1);
    int window = (int) conv.integer("attribution-window-days", 0, 365);

    Node order = c.child("order-value", List.of("mean", "sigma"));
    long orderMean = order.money("mean", true);
    double orderSigma = order.number("sigma", 0, 5);

    Node t = c.child("transitions", TRANSITION_KEYS);
    var transitions = new CustomerModelSpec.Transitions(
        t.number("exposure-to-interest", 0, 1),
        t.number("click-to-interest", 0, 1),
        t.number("click-to-consideration", 0, 1),
        t.number("churn-risk-click-to-consideration", 0, 1),
        (int) t.integer("purchase-to-retention-days", 0, 3650),
        (int) t.integer("retention-to-churn-risk-days", 0, 3650),
        (int) t.integer("churn-risk-to-awareness-days", 0, 3650),
        (int) t.integer("interest-cooldown-days", 0, 3650),
        (int) t.integer("consideration-cooldown-days", 0, 3650));

    return new CustomerModelSpec(
        count, mix, visits, amplitude, peakHour, baseCtr, ctrFactor, fatigueThreshold, fatigueDrop,
        retargetingLift, baseConversion, conversionFactor, delayed, window, orderMean, orderSigma, transitions);
  }

  private static AuctionSpec auction(Node a) {
    AuctionType type = a.choice("type", AuctionType.values(), AuctionType::key);
    long max = a.cpm("max-bid-cpm", true);
    long min = a.cpm("min-bid-cpm", false);
    if (min > max) {
      throw a.fail("min-bid-cpm", "must be at most auction.max-bid-cpm (" + Money.formatCpm(max) + ")");
    }
    long reserve = a.cpm("reserve-cpm", false);
    if (reserve > max) {
      throw a.fail("reserve-cpm", "must be at most auction.max-bid-cpm (" + Money.formatCpm(max) + ")");
    }
    return new AuctionSpec(type, reserve, min, max);
  }

  private static List<AgentSpec> agents(Node root, long baseBid) {
    Node defaults = root.child("agent-defaults", AGENT_KEYS);
    Node agents = root.child("agents", null);
    int n = agents.obj().size();
    if (n < 1 || n > MAX_AGENTS) {
      throw new ScenarioException("agents: " + n + " agents defined, must define 1 to " + MAX_AGENTS);
    }
    List<AgentSpec> out = new ArrayList<>();
    for (String id : new TreeSet<>(agents.obj().keySet())) {
      if (!AGENT_ID.matcher(id).matches()) {
        throw new ScenarioException(agents.at(id) + ": agent id must match [a-z0-9-]{1,32}");
      }
      out.add(new AgentReader(agents.child(id, AGENT_KEYS), defaults).read(id, baseBid));
    }
    return out;
  }

  /** Reads one agent: its own block first, then agent-defaults, then the strategy's defaults. */
  private record AgentReader(Node own, Node defaults) {
    AgentSpec read(String id, long baseBid) {
      StrategyKind strategy = from("strategy").choice("strategy", StrategyKind.values(), StrategyKind::key);
      long budget = from("daily-budget").money("daily-budget", false);
      Pacing pacing = from("pacing").choice("pacing", Pacing.values(), Pacing::key);
      int frequencyCap = (int) from("frequency-cap").integer("frequency-cap", 1, 127);
      double relevance = from("relevance").number("relevance", 0, 10);
      double multiplier = number("multiplier", defaultMultiplier(strategy), 0.01, 100);
      int stages = given("stages") ? from("stages").stageMask("stages") : defaultStages(strategy);
      long bid = given("bid-cpm") ? from("bid-cpm").cpm("bid-cpm", false) : baseBid;

      double targetRoas = given("target-roas") ? from("target-roas").positive("target-roas", 1000) : 3.0;
      double targetWinRate = number("target-win-rate", 0.25, 0, 1);
      double step = number("step", 0.02, 0, 1);
      double minMultiplier = number("min-multiplier", 0.5, 0.01, 100);
      double maxMultiplier = number("max-multiplier", 2.5, 0.01, 100);
      if (minMultiplier > maxMultiplier) {
        throw given("max-multiplier")
            ? from("max-multiplier").fail("max-multiplier", "must be at least min-multiplier (" + minMultiplier + ")")
            : from("min-multiplier").fail("min-multiplier", "must be at most max-multiplier (" + maxMultiplier + ")");
      }
      double halfLife = given("half-life-ticks") ? from("half-life-ticks").positive("half-life-ticks", 1e6) : 48;

      return new AgentSpec(
          id, strategy, budget, pacing, frequencyCap, relevance, stages, multiplier, bid,
          new AgentSpec.Adaptive(targetRoas, targetWinRate, step, minMultiplier, maxMultiplier, halfLife));
    }

    private double number(String key, double fallback, double min, double max) {
      return given(key) ? from(key).number(key, min, max) : fallback;
    }

    private boolean given(String key) {
      return own.has(key) || defaults.has(key);
    }

    /** The block that supplies {@code key}, so that messages name where the value came from. */
    private Node from(String key) {
      return own.has(key) || !defaults.has(key) ? own : defaults;
    }
  }

  private static double defaultMultiplier(StrategyKind strategy) {
    return switch (strategy) {
      case AGGRESSIVE -> 1.3;
      case CONSERVATIVE -> 0.7;
      case RETARGETING -> 1.5;
      case ADAPTIVE, RANDOM, FIXED -> 1.0;
    };
  }

  private static int defaultStages(StrategyKind strategy) {
    return switch (strategy) {
      case CONSERVATIVE -> mask(Stage.INTEREST, Stage.CONSIDERATION);
      case RETARGETING -> mask(Stage.CONSIDERATION, Stage.CHURN_RISK);
      case AGGRESSIVE, ADAPTIVE, RANDOM, FIXED -> ALL_STAGES;
    };
  }

  private static int mask(Stage... stages) {
    int m = 0;
    for (Stage s : stages) {
      m |= 1 << s.ordinal();
    }
    return m;
  }

  /** One HOCON object being validated, with its dotted path for messages. */
  private record Node(String path, ConfigObject obj) {
    String at(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
      return obj.containsKey(key);
    }

    ScenarioException fail(String key, String allowed) {
      return new ScenarioException(at(key) + " = " + show(obj.get(key)) + ": " + allowed);
    }

    private ConfigValue get(String key, String allowed) {
      ConfigValue v = obj.get(key);
      if (v == null) {
        throw new ScenarioException(at(key) + ": missing, " + allowed);
      }
      return v;
    }

    void onlyKeys(List<String> allowed) {
      for (String key : new TreeSet<>(obj.keySet())) {
        if (!allowed.contains(key)) {
          String hint = closest(key, allowed)
              .map(k -> "did you mean " + at(k) + "?")
              .orElse("allowed: " + String.join(", ", allowed));
          throw new ScenarioException(at(key) + ": unknown key (" + hint + ")");
        }
      }
    }

    /** The object at {@code key}; {@code keys} lists its allowed keys, or null to allow any. */
    Node child(String key, List<String> keys) {
      String allowed = "must be an object";
      ConfigValue v = get(key, allowed);
      if (v.valueType() != ConfigValueType.OBJECT) {
        throw fail(key, allowed);
      }
      Node node = new Node(at(key), (ConfigObject) v);
      if (keys != null) {
        node.onlyKeys(keys);
      }
      return node;
    }

    String string(String key, int maxLength) {
      String allowed = "must be a non-empty string of at most " + maxLength + " characters";
      ConfigValue v = get(key, allowed);
      if (v.valueType() != ConfigValueType.STRING) {
        throw fail(key, allowed);
      }
      String s = (String) v.unwrapped();
      if (s.isBlank() || s.length() > maxLength || s.contains("\n")) {
        throw fail(key, allowed);
      }
      return s;
    }

    long integer(String key, long min, long max) {
      String allowed = "must be an integer from " + min + " to " + max;
      BigDecimal d = decimal(key, allowed);
      if (d.stripTrailingZeros().scale() > 0
          || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw fail(key, allowed);
      }
      return d.longValueExact();
    }

    double number(String key, double min, double max) {
      String allowed = "must be a number from " + plain(min) + " to " + plain(max);
      double d = decimal(key, allowed).doubleValue();
      if (!(d >= min && d <= max)) {
        throw fail(key, allowed);
      }
      return d;
    }

    double positive(String key, double max) {
      String allowed = "must be a number above 0 and at most " + plain(max);
      double d = decimal(key, allowed).doubleValue();
      if (!(d > 0 && d <= max)) {
        throw fail(key, allowed);
      }
      return d;
    }

    /** A currency amount in micros; {@code positive} excludes zero. */
    long money(String key, boolean positive) {
      String allowed = "must be an amount " + (positive ? "above 0" : "from 0") + (positive ? " and at most " : " to ")
          + MAX_MONEY + " with at most 6 decimal places";
      return exact(key, allowed, positive, MAX_MONEY, Money::parseMicros);
    }

    /** A CPM, returned in micros per impression; {@code positive} excludes zero. */
    long cpm(String key, boolean positive) {
      String allowed = "must be a CPM " + (positive ? "above 0" : "from 0") + (positive ? " and at most " : " to ")
          + MAX_CPM + " with at most 3 decimal places";
      return exact(key, allowed, positive, MAX_CPM, Money::cpmToMicrosPerImpression);
    }

    private long exact(String key, String allowed, boolean positive, BigDecimal max, Function<String, Long> convert) {
      BigDecimal d = decimal(key, allowed);
      int sign = d.signum();
      if (sign < 0 || (positive && sign == 0) || d.compareTo(max) > 0) {
        throw fail(key, allowed);
      }
      try {
        return convert.apply(text(obj.get(key)));
      } catch (IllegalArgumentException e) {
        throw fail(key, allowed);
      }
    }

    /** A number, read from its original text so that money converts exactly. */
    private BigDecimal decimal(String key, String allowed) {
      ConfigValue v = get(key, allowed);
      if (v.valueType() != ConfigValueType.NUMBER) {
        throw fail(key, allowed);
      }
      try {
        return new BigDecimal(text(v));
      } catch (NumberFormatException e) {
        throw fail(key, allowed);
      }
    }

    <E extends Enum<E>> E choice(String key, E[] values, Function<E, String> keyOf) {
      String allowed = "must be one of " + Arrays.stream(values).map(keyOf).collect(Collectors.joining(", "));
      ConfigValue v = get(key, allowed);
      if (v.valueType() == ConfigValueType.STRING) {
        for (E e : values) {
          if (keyOf.apply(e).equals(v.unwrapped())) {
            return e;
          }
        }
      }
      throw fail(key, allowed);
    }

    PerStage perStage(String key, double min, double max) {
      Node node = child(key, STAGE_KEYS);
      double[] values = new double[Stage.COUNT];
      for (Stage s : Stage.values()) {
        values[s.ordinal()] = node.number(s.key(), min, max);
      }
      return new PerStage(values);
    }

    int stageMask(String key) {
      String allowed = "must be a non-empty list of distinct stages from " + String.join(", ", STAGE_KEYS);
      ConfigValue v = get(key, allowed);
      if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
        throw fail(key, allowed);
      }
      int m = 0;
      for (ConfigValue item : (ConfigList) v) {
        int bit = item.valueType() == ConfigValueType.STRING ? STAGE_KEYS.indexOf((String) item.unwrapped()) : -1;
        if (bit < 0 || (m & (1 << bit)) != 0) {
          throw fail(key, allowed);
        }
        m |= 1 << bit;
      }
      return m;
    }
  }

  private static String show(ConfigValue v) {
    return v == null ? "(missing)" : v.render(ConfigRenderOptions.concise());
  }

  /** The number's original text: Typesafe Config keeps it, so 12.10 is not seen through a double. */
  private static String text(ConfigValue v) {
    return v.atKey("v").getString("v");
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** The allowed key nearest to a misspelt one, if it is close enough to be a likely typo. */
  private static Optional<String> closest(String key, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(key, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int tolerance = Math.max(1, Math.min(3, key.length() / 3));
    return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  // ---------------------------------------------------------------- rendering

  /** HOCON text spelling out every key of {@code s}; {@link #load} reads it back to an equal scenario. */
  public static String render(Scenario s) {
    CustomerModelSpec c = s.customers();
    CustomerModelSpec.Transitions t = c.transitions();
    StringBuilder b = new StringBuilder();
    b.append("# A resolved BidArena scenario: every key is spelled out, so it does not depend on the default file.\n");
    b.append("name = ").append(quote(s.name())).append('\n');
    b.append("seed = ").append(s.seed()).append('\n');
    b.append("time { days = ").append(s.days()).append(", ticks-per-day = ").append(s.ticksPerDay()).append(" }\n");
    b.append("customers {\n");
    b.append("  count = ").append(c.count()).append('\n');
    b.append("  shards = ").append(s.shards()).append('\n');
    b.append("  initial-mix ").append(perStage(c.initialMix())).append('\n');
    b.append("  visits-per-day ").append(perStage(c.visitsPerDay())).append('\n');
    b.append("  diurnal-amplitude = ").append(c.diurnalAmplitude()).append('\n');
    b.append("  peak-hour = ").append(c.peakHour()).append('\n');
    b.append("  ctr {\n");
    b.append("    base = ").append(c.baseCtr()).append('\n');
    b.append("    stage-factor ").append(perStage(c.ctrStageFactor())).append('\n');
    b.append("    fatigue-threshold = ").append(c.fatigueThreshold()).append('\n');
    b.append("    fatigue-drop = ").append(c.fatigueDrop()).append('\n');
    b.append("    retargeting-lift = ").append(c.retargetingLift()).append('\n');
    b.append("  }\n");
    b.append("  conversion {\n");
    b.append("    base = ").append(c.baseConversion()).append('\n');
    b.append("    stage-factor ").append(perStage(c.conversionStageFactor())).append('\n');
    b.append("    delayed = ").append(c.delayedConversion()).append('\n');
    b.append("    attribution-window-days = ").append(c.attributionWindowDays()).append('\n');
    b.append("  }\n");
    b.append("  order-value { mean = ").append(Money.format(c.orderValueMeanMicros()))
        .append(", sigma = ").append(c.orderValueSigma()).append(" }\n");
    b.append("  transitions {\n");
    b.append("    exposure-to-interest = ").append(t.exposureToInterest()).append('\n');
    b.append("    click-to-interest = ").append(t.clickToInterest()).append('\n');
    b.append("    click-to-consideration = ").append(t.clickToConsideration()).append('\n');
    b.append("    churn-risk-click-to-consideration = ").append(t.churnRiskClickToConsideration()).append('\n');
    b.append("    purchase-to-retention-days = ").append(t.purchaseToRetentionDays()).append('\n');
    b.append("    retention-to-churn-risk-days = ").append(t.retentionToChurnRiskDays()).append('\n');
    b.append("    churn-risk-to-awareness-days = ").append(t.churnRiskToAwarenessDays()).append('\n');
    b.append("    interest-cooldown-days = ").append(t.interestCooldownDays()).append('\n');
    b.append("    consideration-cooldown-days = ").append(t.considerationCooldownDays()).append('\n');
    b.append("  }\n");
    b.append("}\n");
    b.append("exchange { partitions = ").append(s.partitions()).append(" }\n");
    AuctionSpec a = s.auction();
    b.append("auction { type = ").append(a.type().key())
        .append(", reserve-cpm = ").append(Money.formatCpm(a.reserveMicros()))
        .append(", min-bid-cpm = ").append(Money.formatCpm(a.minBidMicros()))
        .append(", max-bid-cpm = ").append(Money.formatCpm(a.maxBidMicros())).append(" }\n");
    b.append("bidding { base-cpm = ").append(Money.formatCpm(s.baseBidMicros())).append(" }\n");
    b.append("journal { checkpoint-every-ticks = ").append(s.checkpointEveryTicks()).append(" }\n");
    b.append("agents {\n");
    for (AgentSpec g : s.agents()) {
      AgentSpec.Adaptive ad = g.adaptive();
      b.append("  ").append(quote(g.id())).append(" {\n");
      b.append("    strategy = ").append(g.strategy().key()).append('\n');
      b.append("    daily-budget = ").append(Money.format(g.dailyBudgetMicros())).append('\n');
      b.append("    pacing = ").append(g.pacing().key()).append('\n');
      b.append("    frequency-cap = ").append(g.frequencyCap()).append('\n');
      b.append("    relevance = ").append(g.relevance()).append('\n');
      b.append("    multiplier = ").append(g.multiplier()).append('\n');
      b.append("    stages = ").append(stages(g.stageMask())).append('\n');
      b.append("    bid-cpm = ").append(Money.formatCpm(g.fixedBidMicros())).append('\n');
      b.append("    target-roas = ").append(ad.targetRoas()).append('\n');
      b.append("    target-win-rate = ").append(ad.targetWinRate()).append('\n');
      b.append("    step = ").append(ad.step()).append('\n');
      b.append("    min-multiplier = ").append(ad.minMultiplier()).append('\n');
      b.append("    max-multiplier = ").append(ad.maxMultiplier()).append('\n');
      b.append("    half-life-ticks = ").append(ad.halfLifeTicks()).append('\n');
      b.append("  }\n");
    }
    b.append("}\n");
    return b.toString();
  }

  private static String perStage(PerStage p) {
    return Arrays.stream(Stage.values())
        .map(st -> st.key() + " = " + p.get(st))
        .collect(Collectors.joining(", ", "{ ", " }"));
  }

  private static String stages(int mask) {
    return Arrays.stream(Stage.values())
        .filter(st -> (mask & (1 << st.ordinal())) != 0)
        .map(st -> quote(st.key()))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String quote(String s) {
    return ConfigValueFactory.fromAnyRef(s).render(ConfigRenderOptions.concise());
  }
}
