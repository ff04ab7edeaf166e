package org.bidarena.core.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the HOCON of a scenario: the shipped default file, a user file laid over it, then {@code --set}
 * overrides, resolved into one {@link Config}. Nothing is validated here.
 *
 * <p>Merge rule: a user file (or an override of the key {@code agents} itself) that defines {@code agents}
 * replaces the default agents as a set; a deeper override such as {@code agents.<id>.<key>} edits the
 * agents resolved so far. {@code agent-defaults} always applies.
 */
final class ScenarioSources {
  static final String DEFAULT_RESOURCE = "bidarena/default-scenario.conf";

  private ScenarioSources() {}

  /** The default file, {@code file} over it (when not null), then each override; resolved. */
  static Config read(Path file, List<String> overrides) {
    Config merged = defaults();
    if (file != null) {
      merged = layer(merged, parseFile(file), true);
    }
    for (String override : overrides == null ? List.<String>of() : overrides) {
      merged = applyOverride(merged, override);
    }
    return resolve(merged);
  }

  /** {@code userConfig} laid over the default file as a scenario file would be; resolved. */
  static Config over(Config userConfig) {
    return resolve(layer(defaults(), userConfig, true));
  }

  private static Config defaults() {
    try {
      return ConfigFactory.parseResources(
          ScenarioSources.class.getClassLoader(), DEFAULT_RESOURCE,
          ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
    } catch (ConfigException e) {
      throw new ScenarioException("default scenario " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static Config parseFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new ScenarioException("scenario file " + file + ": is a directory, not a .conf file");
    }
    if (!Files.isRegularFile(file)) {
      throw new ScenarioException("scenario file " + file + ": not found");
    }
    requireUtf8(file);
    try {
      return ConfigFactory.parseFile(
          file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
    } catch (ConfigException e) {
      throw new ScenarioException("scenario file " + file + ": " + e.getMessage(), e);
    }
  }

  /** HOCON is UTF-8; another encoding would turn its bytes into U+FFFD silently, so it is refused. */
  private static void requireUtf8(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ScenarioException("scenario file " + file + ": cannot be read: " + e.getMessage(), e);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new ScenarioException(String.format("scenario file %s: not UTF-8: byte 0x%02x at offset %d cannot be"
          + " decoded; save the file as UTF-8", file, bytes[in.position()] & 0xff, in.position()));
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
}
