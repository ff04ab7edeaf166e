package org.bidarena.core.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/** Finds the {@link StrategyCatalog} providers once, and checks and merges what they declare. */
final class InstalledCatalog {
  private InstalledCatalog() {}

  /**
   * Loaded on first use, apart from {@link #checked}: a provider may call {@link StrategyCatalog#of} while
   * it initialises, and must not find the ServiceLoader half-way through instantiating it.
   */
  static final class Holder {
    static final StrategyCatalog INSTANCE = load();

    private Holder() {}
  }

  private static StrategyCatalog load() {
    List<StrategyDeclaration> all = new ArrayList<>();
    for (StrategyCatalog provider : ServiceLoader.load(StrategyCatalog.class, StrategyCatalog.class.getClassLoader())) {
      all.addAll(provider.strategies());
    }
    return StrategyCatalog.of(all);
  }

  /**
   * The declarations sorted by name, after refusing loudly what would make a scenario ambiguous: a name
   * given twice, a setting named like an agent key every agent has, or a setting declared twice.
   */
  static List<StrategyDeclaration> checked(List<? extends StrategyDeclaration> strategies) {
    Map<String, StrategyDeclaration> byName = new HashMap<>();
    for (StrategyDeclaration s : strategies) {
      if (s.name() == null || !s.name().matches("[a-z][a-z0-9-]*")) {
        throw new IllegalStateException("strategy " + s.getClass().getName() + " has an invalid name: " + s.name());
      }
      StrategyDeclaration before = byName.putIfAbsent(s.name(), s);
      if (before != null) {
        throw new IllegalStateException("strategy " + s.name() + " is declared twice, by "
            + before.getClass().getName() + " and " + s.getClass().getName());
      }
      Set<String> keys = new HashSet<>();
      for (Setting setting : s.settings()) {
        if (AgentKeys.COMMON.contains(setting.key()) || !keys.add(setting.key())) {
          throw new IllegalStateException("strategy " + s.name() + " declares setting " + setting.key()
              + " twice or as one of the agent keys " + AgentKeys.COMMON);
        }
        if (!defaultInRange(setting)) {
          throw new IllegalStateException("strategy " + s.name() + " declares setting " + setting.key()
              + " with a default outside its range: " + setting);
        }
      }
      for (StrategyDeclaration.AtMost order : s.orderings()) {
        if (!keys.contains(order.low()) || !keys.contains(order.high())) {
          throw new IllegalStateException("strategy " + s.name() + " orders undeclared settings " + order);
        }
      }
    }
    List<StrategyDeclaration> sorted = new ArrayList<>(byName.values());
    sorted.sort(Comparator.comparing(StrategyDeclaration::name));
    return List.copyOf(sorted);
  }

  private static boolean defaultInRange(Setting s) {
    if (s.defaultValue() == null) {
      return true;
    }
    double v = s.defaultValue().doubleValue();
    boolean aboveMin = s.type() == Setting.Type.POSITIVE ? v > 0 : v >= s.min();
    return aboveMin && v <= s.max();
  }
}
