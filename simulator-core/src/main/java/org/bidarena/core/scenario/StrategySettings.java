package org.bidarena.core.scenario;

import java.util.List;

/**
 * An agent's strategy settings, validated against its strategy's {@link Setting}s and in their order:
 * a {@code Double} for a number, a {@code Long} for an integer, micros per impression for a CPM.
 */
public record StrategySettings(List<Value> values) {
  public static final StrategySettings NONE = new StrategySettings(List.of());

  /** One validated setting. */
  public record Value(String key, Setting.Type type, Number value, String textValue) {
    /** A number setting. */
    public Value(String key, Setting.Type type, Number value) {
      this(key, type, value, null);
    }

    /** A text setting; its number is 0. */
    public static Value text(String key, String text) {
      return new Value(key, Setting.Type.TEXT, 0, text);
    }

    /** The value as a scenario file writes it: a CPM as currency per thousand, not micros. */
    public String text() {
      return switch (type) {
        case TEXT -> '"' + textValue.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        case NUMBER, POSITIVE -> Double.toString(value.doubleValue());
        case INTEGER -> Long.toString(value.longValue());
        case CPM -> Money.formatCpm(value.longValue());
      };
    }
  }

  public StrategySettings {
    values = List.copyOf(values);
  }

  public boolean has(String key) {
    return values.stream().anyMatch(v -> v.key().equals(key));
  }

  /** A {@link Setting.Type#NUMBER} or {@link Setting.Type#POSITIVE} setting. */
  public double number(String key) {
    return get(key, Setting.Type.NUMBER, Setting.Type.POSITIVE).doubleValue();
  }

  /** An {@link Setting.Type#INTEGER} setting. */
  public long integer(String key) {
    return get(key, Setting.Type.INTEGER, Setting.Type.INTEGER).longValue();
  }

  /** A {@link Setting.Type#CPM} setting, in micros per impression. */
  public long micros(String key) {
    return get(key, Setting.Type.CPM, Setting.Type.CPM).longValue();
  }

  /** A {@link Setting.Type#TEXT} setting. */
  public String text(String key) {
    for (Value v : values) {
      if (v.key().equals(key) && v.type() == Setting.Type.TEXT) {
        return v.textValue();
      }
    }
    throw new IllegalArgumentException("no text setting " + key + " among " + values.stream().map(Value::key).toList());
  }

  private Number get(String key, Setting.Type type, Setting.Type alsoType) {
    for (Value v : values) {
      if (v.key().equals(key)) {
        if (v.type() != type && v.type() != alsoType) {
          throw new IllegalArgumentException("setting " + key + " is a " + v.type() + ", not a " + type);
        }
        return v.value();
      }
    }
    throw new IllegalArgumentException("no setting " + key + " among " + values.stream().map(Value::key).toList());
  }
}
