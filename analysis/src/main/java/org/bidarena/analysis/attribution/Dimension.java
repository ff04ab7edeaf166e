package org.bidarena.analysis.attribution;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bidarena.analysis.BadInput;

/** What credit is grouped by: the touch's agent, its channel, its creative (within its agent) or its campaign cell. */
public enum Dimension {
  AGENT, CHANNEL, CREATIVE, CELL;

  /** The one channel so far (the simulator's TouchHistory.DISPLAY). */
  public static final int DISPLAY = 0;
  /** Channel names by channel number. */
  public static final List<String> CHANNELS = List.of("display");

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The dimension named {@code name}, or bad input naming the allowed ones. */
  public static Dimension parse(String name) {
    for (Dimension d : values()) {
      if (d.key().equals(name)) {
        return d;
      }
    }
    throw new BadInput("--by " + name + ": unknown dimension; one of "
        + Arrays.stream(values()).map(Dimension::key).collect(Collectors.joining(", ")));
  }
}
