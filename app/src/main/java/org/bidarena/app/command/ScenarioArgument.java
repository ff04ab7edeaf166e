package org.bidarena.app.command;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bidarena.analysis.BadInput;

/** The SCENARIO.conf argument of run, cluster and node: a file that exists (the loader reads and checks it). */
public final class ScenarioArgument {
  private ScenarioArgument() {}

  /** {@code file} itself (null: the default scenario), or bad input that says what it is instead. */
  public static Path check(Path file) {
    if (file == null) {
      return null;
    }
    if (Files.isDirectory(file)) {
      throw new BadInput("scenario file " + file + " is a directory; give a .conf file");
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInput("scenario file " + file + " does not exist");
    }
    if (!Files.isReadable(file)) {
      throw new BadInput("scenario file " + file + " cannot be read: permission denied");
    }
    return file;
  }
}
