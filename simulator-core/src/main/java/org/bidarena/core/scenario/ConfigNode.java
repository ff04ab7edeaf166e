package org.bidarena.core.scenario;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bidarena.core.customer.Stage;

/**
 * One HOCON object being validated, with its dotted path for messages. Each read checks a value's type
 * and range, and any problem is a {@link ScenarioException} of one line: the key, the value as written,
 * and what is allowed.
 */
record ConfigNode(String path, ConfigObject obj) {
  static final BigDecimal MAX_MONEY = BigDecimal.valueOf(1_000_000_000L);
  static final BigDecimal MAX_CPM = BigDecimal.valueOf(1_000_000L);
  static final List<String> STAGE_KEYS = Arrays.stream(Stage.values()).map(Stage::key).toList();

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
        String hint = Suggestions.closest(key, allowed)
            .map(k -> "did you mean " + at(k) + "?")
            .orElse("allowed: " + String.join(", ", allowed));
        throw new ScenarioException(at(key) + ": unknown key (" + hint + ")");
      }
    }
  }

  /** The object at {@code key}; {@code keys} lists its allowed keys, or null to allow any. */
  ConfigNode child(String key, List<String> keys) {
    String allowed = "must be an object";
    ConfigValue v = get(key, allowed);
    if (v.valueType() != ConfigValueType.OBJECT) {
      throw fail(key, allowed);
    }
    ConfigNode node = new ConfigNode(at(key), (ConfigObject) v);
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

  /** A CPM up to {@link #MAX_CPM}, returned in micros per impression; {@code positive} excludes zero. */
  long cpm(String key, boolean positive) {
    return cpm(key, positive, MAX_CPM);
  }

  /** A CPM up to {@code max}, returned in micros per impression; {@code positive} excludes zero. */
  long cpm(String key, boolean positive, BigDecimal max) {
    String allowed = "must be a CPM " + (positive ? "above 0" : "from 0") + (positive ? " and at most " : " to ")
        + max.toPlainString() + " with at most 3 decimal places";
    return exact(key, allowed, positive, max, Money::cpmToMicrosPerImpression);
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

  /**
   * One of {@code names}; a near miss is answered with "did you mean". {@code what} names the kind of
   * thing, e.g. "strategy".
   */
  String name(String key, List<String> names, String what) {
    String allowed = names.isEmpty()
        ? "no " + what + " is installed"
        : "must be one of " + String.join(", ", names);
    ConfigValue v = get(key, allowed);
    if (v.valueType() == ConfigValueType.STRING && names.contains((String) v.unwrapped())) {
      return (String) v.unwrapped();
    }
    String hint = v.valueType() == ConfigValueType.STRING
        ? Suggestions.closest((String) v.unwrapped(), names).map(n -> " (did you mean " + n + "?)").orElse("")
        : "";
    throw fail(key, "unknown " + what + hint + ", " + allowed);
  }

  PerStage perStage(String key, double min, double max) {
    ConfigNode node = child(key, STAGE_KEYS);
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

  /** A list of {@code minLength..maxLength} numbers, each in [min, max]. */
  double[] numbers(String key, int minLength, int maxLength, double min, double max) {
    String allowed = "must be a list of " + minLength + " to " + maxLength + " numbers, each from " + plain(min)
        + " to " + plain(max);
    ConfigValue v = get(key, allowed);
    if (v.valueType() != ConfigValueType.LIST) {
      throw fail(key, allowed);
    }
    ConfigList list = (ConfigList) v;
    if (list.size() < minLength || list.size() > maxLength) {
      throw fail(key, allowed);
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      ConfigValue item = list.get(i);
      if (item.valueType() != ConfigValueType.NUMBER) {
        throw fail(key, allowed);
      }
      out[i] = ((Number) item.unwrapped()).doubleValue();
      if (!(out[i] >= min && out[i] <= max)) {
        throw fail(key, allowed);
      }
    }
    return out;
  }

  /** A list of distinct names from {@code names} (any matching {@code pattern} when names is null). */
  List<String> names(String key, List<String> names, java.util.regex.Pattern pattern, int maxLength) {
    String allowed = "must be a list of at most " + maxLength + " distinct names"
        + (names != null ? " from " + String.join(", ", names) : " matching " + pattern.pattern());
    ConfigValue v = get(key, allowed);
    if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).size() > maxLength) {
      throw fail(key, allowed);
    }
    List<String> out = new java.util.ArrayList<>();
    for (ConfigValue item : (ConfigList) v) {
      if (item.valueType() != ConfigValueType.STRING) {
        throw fail(key, allowed);
      }
      String s = (String) item.unwrapped();
      boolean ok = names != null ? names.contains(s) : pattern.matcher(s).matches();
      if (!ok || out.contains(s)) {
        throw fail(key, allowed);
      }
      out.add(s);
    }
    return out;
  }

  /**
   * An object of named numbers in [min, max] whose names match {@code pattern}, 1 to {@code maxKeys} of them,
   * in sorted name order.
   */
  java.util.SortedMap<String, Double> weights(String key, java.util.regex.Pattern pattern, int maxKeys, double min,
      double max) {
    ConfigNode node = child(key, null);
    int n = node.obj().size();
    if (n < 1 || n > maxKeys) {
      throw fail(key, "must hold 1 to " + maxKeys + " entries");
    }
    java.util.SortedMap<String, Double> out = new java.util.TreeMap<>();
    for (String k : new TreeSet<>(node.obj().keySet())) {
      if (!pattern.matcher(k).matches()) {
        throw new ScenarioException(node.at(k) + ": the name must match " + pattern.pattern());
      }
      out.put(k, node.number(k, min, max));
    }
    return out;
  }

  private static String show(ConfigValue v) {
    return v == null ? "(missing)" : v.render(ConfigRenderOptions.concise());
  }

  /** The number's original text: Typesafe Config keeps it, so 12.10 is not seen through a double. */
  private static String text(ConfigValue v) {
    return v.atKey("v").getString("v");
  }

  static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
