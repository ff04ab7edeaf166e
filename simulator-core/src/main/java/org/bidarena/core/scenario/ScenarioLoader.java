package org.bidarena.core.scenario;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a scenario: the shipped default file, a user file laid over it, then {@code --set key=value}
 * overrides ({@link ScenarioSources}); every key is then validated strictly ({@link ScenarioValidator}), the
 * agents against a {@link StrategyCatalog}. Any problem is a {@link ScenarioException} with a one-line
 * message. {@link #render} writes a resolved scenario back ({@link ScenarioRenderer}).
 *
 * <p>The methods without a catalog use {@link StrategyCatalog#installed()}, the strategies on the class path.
 */
public final class ScenarioLoader {
  static final String DEFAULT_RESOURCE = ScenarioSources.DEFAULT_RESOURCE;

  private ScenarioLoader() {}

  public static Scenario loadDefault(List<String> overrides, Long seedOverride) {
    return load(null, overrides, seedOverride);
  }

  public static Scenario loadDefault(List<String> overrides, Long seedOverride, StrategyCatalog catalog) {
    return load(null, overrides, seedOverride, catalog);
  }

  /** Loads {@code file} (null = the default alone) with {@code --set} overrides and an optional seed. */
  public static Scenario load(Path file, List<String> overrides, Long seedOverride) {
    return load(file, overrides, seedOverride, StrategyCatalog.installed());
  }

  public static Scenario load(Path file, List<String> overrides, Long seedOverride, StrategyCatalog catalog) {
    Scenario scenario = ScenarioValidator.validate(ScenarioSources.read(file, overrides), catalog);
    return seedOverride == null ? scenario : scenario.withSeed(seedOverride);
  }

  /** Lays {@code userConfig} over the default file, as a scenario file would be, and validates it. */
  public static Scenario fromConfig(Config userConfig) {
    return fromConfig(userConfig, StrategyCatalog.installed());
  }

  public static Scenario fromConfig(Config userConfig, StrategyCatalog catalog) {
    return ScenarioValidator.validate(ScenarioSources.over(userConfig), catalog);
  }

  /** HOCON text spelling out every key of {@code s}; {@link #load} reads it back to an equal scenario. */
  public static String render(Scenario s) {
    return ScenarioRenderer.render(s);
  }
}
