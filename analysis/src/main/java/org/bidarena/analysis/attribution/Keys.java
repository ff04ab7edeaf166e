package org.bidarena.analysis.attribution;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys credit is grouped by, for one {@link Dimension}: their names, and the key of each touch. Keys are
 * dense, 0 .. size - 1, so models keep their sums in plain arrays.
 */
public final class Keys {
  private final Dimension dimension;
  private final List<String> names;
  private final int[] creativeOffset;

  private Keys(Dimension dimension, List<String> names, int[] creativeOffset) {
    this.dimension = dimension;
    this.names = List.copyOf(names);
    this.creativeOffset = creativeOffset;
  }

  /**
   * @param agents agent ids, by agent number
   * @param creatives per agent, its creatives' names, by creative number within the agent
   * @param cells how many campaign cells the touches use (cells 0 .. cells - 1), 0 without cells
   */
  public static Keys of(Dimension dimension, List<String> agents, List<List<String>> creatives, int cells) {
    List<String> names = new ArrayList<>();
    int[] offset = new int[agents.size() + 1];
    switch (dimension) {
      case AGENT -> names.addAll(agents);
      case CHANNEL -> names.addAll(Dimension.CHANNELS);
      case CELL -> {
        for (int c = 0; c < cells; c++) {
          names.add("cell-" + c);
        }
      }
      case CREATIVE -> {
        for (int a = 0; a < agents.size(); a++) {
          offset[a] = names.size();
          for (String creative : creatives.get(a)) {
            names.add(agents.get(a) + "/" + creative);
          }
        }
        offset[agents.size()] = names.size();
      }
    }
    return new Keys(dimension, names, offset);
  }

  /** Keys named directly, for touches whose agent number is the key (tests, synthetic logs). */
  public static Keys named(List<String> names) {
    return new Keys(Dimension.AGENT, names, new int[0]);
  }

  public Dimension dimension() {
    return dimension;
  }

  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  /** The key of a touch by its agent, creative, channel and cell; -1 when it has none (a touch without a cell). */
  public int of(int agent, int creative, int channel, int cell) {
    return switch (dimension) {
      case AGENT -> agent;
      case CHANNEL -> channel;
      case CELL -> cell;
      case CREATIVE -> {
        int n = creativeOffset[agent + 1] - creativeOffset[agent];
        // as the simulator's Creatives.local: a creative number outside the agent's list is its first
        yield creativeOffset[agent] + (creative >= 0 && creative < n ? creative : 0);
      }
    };
  }

  /** The key of touch i of {@code log}. */
  public int of(TouchLog log, int i) {
    return of(log.touchAgent(i), log.touchCreative(i), log.touchChannel(i), log.touchCell(i));
  }
}
