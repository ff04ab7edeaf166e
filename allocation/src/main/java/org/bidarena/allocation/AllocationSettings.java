package org.bidarena.allocation;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bidarena.core.scenario.Money;
import org.bidarena.core.scenario.ScenarioException;

/**
 * The {@code allocation} block of a scenario file: the daily budget, the channels with their response curves
 * and limits, the floor and change cap, and each allocator's settings. Every key is checked (type, range,
 * unknown keys); a problem is one line naming the key and what is allowed.
 */
public record AllocationSettings(long budgetMicros, int days, long orderValueMicros, double floor,
    double maxDailyChange, int optimumSteps, int thompsonSamples, double thompsonDecay, String thompsonMatching,
    int proportionalWindow,
    PpoSettings ppo, List<ChannelSpec> channels) {

  /**
   * The PPO allocator's training and reward: reward = profit-weight x profit / budget + roas-weight x ROAS
   * - jump-penalty x the L1 change of the split.
   */
  public record PpoSettings(int episodes, double profitWeight, double roasWeight, double jumpPenalty) {}

  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");
  private static final List<String> TOP = List.of("daily-budget", "days", "order-value", "floor", "max-daily-change",
      "optimum-steps", "thompson", "proportional", "ppo", "channels");
  private static final List<String> CHANNEL = List.of("label", "cpc", "max-conversions", "half-saturation",
      "hill-shape", "adstock", "seasonality", "noise", "min-spend", "min-share", "max-spend", "max-share", "share",
      "frozen");

  public Bounds bounds() {
    return new Bounds(channels, budgetMicros, floor, maxDailyChange);
  }

  /** The settings of a scenario file's {@code allocation} block. */
  public static AllocationSettings of(Path file) {
    Config root;
    try {
      root = ConfigFactory.parseFile(file.toFile()).resolve();
    } catch (ConfigException e) {
      throw new ScenarioException("scenario file " + file + ": " + e.getMessage());
    }
    if (!root.hasPath("allocation")) {
      throw new ScenarioException("scenario file " + file + " has no allocation block; see scenarios/channels.conf");
    }
    return of(root.getConfig("allocation"));
  }

  public static AllocationSettings of(Config a) {
    try {
      onlyKeys("allocation", a, TOP);
      long budget = money(a, "allocation", "daily-budget", true);
      int days = (int) integer(a, "allocation", "days", 1, 3650, 30);
      long orderValue = money(a, "allocation", "order-value", true);
      double floor = number(a, "allocation", "floor", 0, 1, 0);
      double cap = a.hasPath("max-daily-change")
          ? number(a, "allocation", "max-daily-change", 0.001, 100, 0) : Double.POSITIVE_INFINITY;
      int steps = (int) integer(a, "allocation", "optimum-steps", 10, 5000, 400);
      Config t = a.hasPath("thompson") ? a.getConfig("thompson") : ConfigFactory.empty();
      onlyKeys("allocation.thompson", t, List.of("samples", "decay", "matching"));
      String matching = t.hasPath("matching") ? t.getString("matching") : "best";
      if (!List.of("best", "sample").contains(matching)) {
        throw new ScenarioException("allocation.thompson.matching = " + matching + ": allowed: best (shares by the"
            + " probability of being best), sample (shares in proportion to one sample per channel)");
      }
      int samples = (int) integer(t, "allocation.thompson", "samples", 1, 1_000_000, 2000);
      double decay = number(t, "allocation.thompson", "decay", 0, 1, 0.9);
      Config p = a.hasPath("proportional") ? a.getConfig("proportional") : ConfigFactory.empty();
      onlyKeys("allocation.proportional", p, List.of("window"));
      int window = (int) integer(p, "allocation.proportional", "window", 1, 365, 7);
      Config q = a.hasPath("ppo") ? a.getConfig("ppo") : ConfigFactory.empty();
      onlyKeys("allocation.ppo", q, List.of("episodes", "profit-weight", "roas-weight", "jump-penalty"));
      PpoSettings ppo = new PpoSettings((int) integer(q, "allocation.ppo", "episodes", 1, 100_000, 1000),
          number(q, "allocation.ppo", "profit-weight", 0, 1000, 1),
          number(q, "allocation.ppo", "roas-weight", 0, 1000, 0.05),
          number(q, "allocation.ppo", "jump-penalty", 0, 1000, 0.5));
      if (!a.hasPath("channels")) {
        throw new ScenarioException("allocation.channels: list at least one channel");
      }
      Config cs = a.getConfig("channels");
      Set<String> ids = new TreeSet<>(cs.root().keySet());
      List<ChannelSpec> channels = new ArrayList<>();
      for (String id : ids) {
        if (!ID.matcher(id).matches()) {
          throw new ScenarioException("allocation.channels." + id + ": a channel id is [a-z0-9-]{1,32}");
        }
        channels.add(channel(id, cs.getConfig(com.typesafe.config.ConfigUtil.quoteString(id))));
      }
      AllocationSettings s = new AllocationSettings(budget, days, orderValue, floor, cap, steps, samples, decay,
          matching, window, ppo, channels);
      s.bounds();
      return s;
    } catch (ConfigException e) {
      throw new ScenarioException("allocation: " + e.getMessage());
    }
  }

  private static ChannelSpec channel(String id, Config c) {
    String at = "allocation.channels." + id;
    onlyKeys(at, c, CHANNEL);
    String label = c.hasPath("label") ? c.getString("label") : id;
    long cpc = money(c, at, "cpc", true);
    double maxConv = number(c, at, "max-conversions", 0, 1e9, Double.NaN);
    long half = money(c, at, "half-saturation", true);
    double shape = number(c, at, "hill-shape", 0.01, 10, 1);
    Adstock adstock = adstock(at + ".adstock", c.hasPath("adstock") ? c.getConfig("adstock") : ConfigFactory.empty());
    Seasonality season = Seasonality.flat();
    if (c.hasPath("seasonality")) {
      List<Double> f = c.getDoubleList("seasonality");
      try {
        season = new Seasonality(f.stream().mapToDouble(Double::doubleValue).toArray());
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(at + ".seasonality: " + e.getMessage());
      }
    }
    double noise = number(c, at, "noise", 0, 2, 0.1);
    Limit min = limit(c, at, "min");
    Limit max = limit(c, at, "max");
    double share = c.hasPath("share") ? number(c, at, "share", 0, 1, 0) : Double.NaN;
    boolean frozen = c.hasPath("frozen") && c.getBoolean("frozen");
    return new ChannelSpec(id, label, cpc, maxConv, new HillSaturation(half, shape), adstock, season, noise, min, max,
        share, frozen);
  }

  private static Adstock adstock(String at, Config a) {
    onlyKeys(at, a, List.of("type", "decay", "shape", "scale", "max-lag"));
    String type = a.hasPath("type") ? a.getString("type") : "geometric";
    int maxLag = (int) integer(a, at, "max-lag", 0, 365, 7);
    return switch (type) {
      case "geometric" -> Adstock.geometric(number(a, at, "decay", 0, 0.999, 0.3), maxLag);
      case "weibull" -> Adstock.weibull(number(a, at, "shape", 0.01, 20, 1.5), number(a, at, "scale", 0.01, 365, 2),
          maxLag);
      default -> throw new ScenarioException(at + ".type = " + type + ": allowed: geometric, weibull");
    };
  }

  private static Limit limit(Config c, String at, String which) {
    boolean money = c.hasPath(which + "-spend");
    boolean share = c.hasPath(which + "-share");
    if (money && share) {
      throw new ScenarioException(at + ": give " + which + "-spend or " + which + "-share, not both");
    }
    if (money) {
      return Limit.money(money(c, at, which + "-spend", false));
    }
    return share ? Limit.share(number(c, at, which + "-share", 0, 1, 0)) : null;
  }

  private static void onlyKeys(String at, Config c, List<String> allowed) {
    for (String k : c.root().keySet()) {
      if (!allowed.contains(k)) {
        throw new ScenarioException((at.isEmpty() ? "" : at + ".") + k + ": unknown key; allowed: "
            + String.join(", ", allowed));
      }
    }
  }

  private static long money(Config c, String at, String key, boolean positive) {
    if (!c.hasPath(key)) {
      throw new ScenarioException(at + "." + key + ": missing; give an amount such as 10000.00");
    }
    ConfigValue v = c.getValue(key);
    long micros;
    try {
      micros = Money.parseMicros(String.valueOf(v.unwrapped()));
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(at + "." + key + ": " + e.getMessage());
    }
    if (micros < 0 || (positive && micros == 0) || micros > 1_000_000_000L * Money.MICROS_PER_UNIT) {
      throw new ScenarioException(at + "." + key + " = " + v.unwrapped() + ": must be "
          + (positive ? "above 0" : "0 or more") + ", at most 1000000000");
    }
    return micros;
  }

  private static long integer(Config c, String at, String key, long min, long max, long dflt) {
    if (!c.hasPath(key)) {
      return dflt;
    }
    long v;
    try {
      v = c.getLong(key);
    } catch (ConfigException.WrongType e) {
      throw new ScenarioException(at + "." + key + ": must be a whole number " + min + ".." + max);
    }
    if (v < min || v > max) {
      throw new ScenarioException(at + "." + key + " = " + v + ": must be " + min + ".." + max);
    }
    return v;
  }

  private static double number(Config c, String at, String key, double min, double max, double dflt) {
    if (!c.hasPath(key)) {
      if (Double.isNaN(dflt)) {
        throw new ScenarioException(at + "." + key + ": missing; a number " + min + ".." + max);
      }
      return dflt;
    }
    double v;
    try {
      v = c.getDouble(key);
    } catch (ConfigException.WrongType e) {
      throw new ScenarioException(at + "." + key + ": must be a number " + min + ".." + max);
    }
    if (!(v >= min && v <= max)) {
      throw new ScenarioException(at + "." + key + " = " + v + ": must be " + min + ".." + max);
    }
    return v;
  }

  @Override
  public String toString() {
    return "allocation of " + Amounts.money(budgetMicros) + " a day over " + channels.size() + " channels "
        + Arrays.toString(channels.stream().map(ChannelSpec::id).toArray());
  }
}
