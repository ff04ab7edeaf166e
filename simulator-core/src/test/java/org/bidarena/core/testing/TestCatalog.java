package org.bidarena.core.testing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategyCatalog;
import org.bidarena.core.scenario.StrategyDeclaration;

/**
 * Strategy catalogs for tests of modules below {@code agents}, which have no strategies of their own.
 * Passed explicitly, never registered with ServiceLoader: modules above read this test-jar and must see
 * only their real catalog.
 */
public final class TestCatalog {
  /** The strategy names of the default scenario file, known by name only. */
  private static final List<String> DEFAULT_NAMES =
      List.of("adaptive", "aggressive", "conservative", "fixed", "random", "retargeting");

  private TestCatalog() {}

  /** The installed catalog when the module has one (agents and above), else {@link #standIn()}. */
  public static StrategyCatalog installedOrStandIn() {
    StrategyCatalog installed = StrategyCatalog.installed();
    return installed.strategies().isEmpty() ? standIn() : installed;
  }

  /**
   * The default scenario's strategy names, each with a {@code multiplier} setting, and {@link Tuned}: enough
   * to load the default scenario and to exercise every kind of setting.
   */
  public static StrategyCatalog standIn() {
    return StrategyCatalog.of(Stream.concat(
        DEFAULT_NAMES.stream().map(Named::new), Stream.of(new Tuned())).toList());
  }

  /** A strategy known by name, with a multiplier. */
  private record Named(String name) implements StrategyDeclaration {
    @Override
    public List<Setting> settings() {
      return List.of(Setting.number("multiplier", 0.01, 100, 1.0, "x base", "a factor"));
    }
  }

  /** One setting of each type, an ordering, a default taken from another key, and default stages. */
  public static final class Tuned implements StrategyDeclaration {
    @Override
    public String name() {
      return "tuned";
    }

    @Override
    public List<Setting> settings() {
      return List.of(
          Setting.integer("level", 1, 9, 3, "steps", "an integer"),
          Setting.positive("rate", 10, 2.5, "per tick", "a positive number"),
          Setting.number("low", 0, 1, 0.2, "share", "at most high"),
          Setting.number("high", 0, 1, 0.8, "share", "at least low"),
          Setting.cpm("price-cpm", 1000, "bidding.base-cpm", "a CPM defaulting to the base bid"));
    }

    @Override
    public Set<Stage> defaultStages() {
      return EnumSet.of(Stage.PURCHASE, Stage.RETENTION);
    }

    @Override
    public List<AtMost> orderings() {
      return List.of(new AtMost("low", "high"));
    }
  }
}
