package org.bidarena.agents.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a campaign: the cartesian product of its dimensions (audiences, creatives, bid strategies,
 * dayparts, platforms, ...). Cell ids run in the product's order, the last dimension varying fastest, so the
 * grid is the same on every node.
 */
public final class CampaignGrid {
  /** More cells than this is a scenario mistake, not a test plan. */
  public static final int MAX_CELLS = 1_000_000;

  /** One dimension of the grid: its name and its values, in order. */
  public record Dimension(String name, List<String> values) {
    public Dimension {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("campaign dimension " + name + " has no values; give at least one");
      }
      if (values.stream().distinct().count() != values.size()) {
        throw new IllegalArgumentException("campaign dimension " + name + " repeats a value: " + values);
      }
    }
  }

  /** One cell: its id and its value in each dimension, in the grid's dimension order. */
  public record Cell(int id, List<String> values) {
    /** The values joined by '|', e.g. eco_urban_renters|spring_a|aggressive|morning|hulu. */
    public String key() {
      return String.join("|", values);
    }
  }

  private final List<Dimension> dimensions;
  private final List<Cell> cells;

  private CampaignGrid(List<Dimension> dimensions, List<Cell> cells) {
    this.dimensions = dimensions;
    this.cells = cells;
  }

  /** The grid of {@code dimensions}; refuses an empty grid and one of more than {@link #MAX_CELLS} cells. */
  public static CampaignGrid of(List<Dimension> dimensions) {
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("a campaign needs at least one dimension (audiences, creatives, ...)");
    }
    long count = 1;
    for (Dimension d : dimensions) {
      count *= d.values().size();
      if (count > MAX_CELLS) {
        throw new IllegalArgumentException("campaign grid has more than " + MAX_CELLS + " cells; at most "
            + MAX_CELLS + " are allowed: use fewer values per dimension");
      }
    }
    List<Cell> cells = new ArrayList<>((int) count);
    int[] index = new int[dimensions.size()];
    for (int id = 0; id < count; id++) {
      List<String> values = new ArrayList<>(dimensions.size());
      for (int d = 0; d < dimensions.size(); d++) {
        values.add(dimensions.get(d).values().get(index[d]));
      }
      cells.add(new Cell(id, List.copyOf(values)));
      for (int d = dimensions.size() - 1; d >= 0 && ++index[d] == dimensions.get(d).values().size(); d--) {
        index[d] = 0;
      }
    }
    return new CampaignGrid(List.copyOf(dimensions), List.copyOf(cells));
  }

  public List<Dimension> dimensions() {
    return dimensions;
  }

  public List<Cell> cells() {
    return cells;
  }

  public int size() {
    return cells.size();
  }

  /** The position of dimension {@code name}, or an error naming the dimensions there are. */
  public int dimensionIndex(String name) {
    for (int d = 0; d < dimensions.size(); d++) {
      if (dimensions.get(d).name().equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("no campaign dimension " + name + "; the dimensions are "
        + dimensions.stream().map(Dimension::name).toList());
  }
}
