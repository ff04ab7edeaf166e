package org.bidarena.app.ipinyou;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the iPinYou campaign 2997 data when no folder is given: the environment variable
 * BIDARENA_IPINYOU_DIR, else the first {@code shared/data/ipinyou-2997} in the working folder or one of
 * its parents. The data is never part of the repository (its terms forbid redistribution).
 */
public final class IpinyouLocator {
  public static final String ENV = "BIDARENA_IPINYOU_DIR";
  static final Path RELATIVE = Path.of("shared", "data", "ipinyou-2997");

  private IpinyouLocator() {}

  public static Optional<Path> find() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
