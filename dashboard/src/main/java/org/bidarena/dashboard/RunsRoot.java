package org.bidarena.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bidarena.analysis.BadInput;

/** The runs folder: names from the client become folders directly inside it, or are refused. */
public final class RunsRoot {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

  private final Path root;

  public RunsRoot(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path path() {
    return root;
  }

  /** The folder {@code name} names directly inside the runs folder; anything else is bad input. */
  public Path child(String name) {
    if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
      throw new BadInput("run name '" + name + "' is not allowed: use 1 to 80 letters, digits, '.', '_' or '-',"
          + " starting with a letter or digit");
    }
    Path p = root.resolve(name).normalize();
    if (!p.getParent().equals(root)) {
      throw new BadInput("run name '" + name + "' points outside the runs folder");
    }
    return p;
  }

  /** The run folders, by name. */
  public List<String> names() throws IOException {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return names;
    }
    try (Stream<Path> list = Files.list(root)) {
      list.filter(p -> Files.isRegularFile(p.resolve("scenario.conf")))
          .map(p -> p.getFileName().toString())
          .filter(n -> NAME.matcher(n).matches())
          .sorted()
          .forEach(names::add);
    }
    return names;
  }
}
