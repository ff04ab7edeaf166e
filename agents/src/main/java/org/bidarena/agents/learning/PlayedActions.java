package org.bidarena.agents.learning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The multipliers learning agents played over an episode, one row per tick: a CSV whose header is
 * {@code tick,AGENT,...} and whose values are written exactly ({@code Double.toString}), so that a run that
 * plays the file ({@link ScriptedStrategy}) bids what the episode bid, to the micro.
 */
public record PlayedActions(List<String> agents, List<double[]> rows) {
  public static PlayedActions read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("actions file " + file + " cannot be read: " + e.getMessage());
    }
    if (lines.isEmpty() || !lines.get(0).startsWith("tick,")) {
      throw new IllegalArgumentException("actions file " + file + " does not start with the header tick,AGENT,...");
    }
    List<String> agents = List.of(lines.get(0).substring(5).split(","));
    List<double[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      if (f.length != agents.size() + 1 || !f[0].equals(Integer.toString(i - 1))) {
        throw new IllegalArgumentException("actions file " + file + " line " + (i + 1) + " must be tick " + (i - 1)
            + " and " + agents.size() + " multiplier(s), got '" + lines.get(i) + "'");
      }
      double[] row = new double[agents.size()];
      for (int a = 0; a < row.length; a++) {
        try {
          row[a] = Double.parseDouble(f[a + 1]);
        } catch (NumberFormatException e) {
          row[a] = Double.NaN;
        }
        if (!(row[a] >= 0 && row[a] <= 100)) {
          throw new IllegalArgumentException("actions file " + file + " line " + (i + 1) + ": '" + f[a + 1]
              + "' is not a multiplier from 0 to 100");
        }
      }
      rows.add(row);
    }
    return new PlayedActions(agents, rows);
  }

  /** Writes the file whole or not at all; refuses to overwrite one. */
  public void write(Path file) throws IOException {
    if (Files.exists(file)) {
      throw new IllegalArgumentException(file + " already exists; give a new file");
    }
    StringBuilder b = new StringBuilder("tick,").append(String.join(",", agents)).append('\n');
    for (int t = 0; t < rows.size(); t++) {
      b.append(t);
      for (double m : rows.get(t)) {
        b.append(',').append(m);
      }
      b.append('\n');
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, b, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Agent {@code id}'s multiplier per tick. */
  public double[] of(String id) {
    int a = agents.indexOf(id);
    if (a < 0) {
      throw new IllegalArgumentException("the actions file has no column for agent '" + id + "'; it has " + agents);
    }
    double[] m = new double[rows.size()];
    for (int t = 0; t < m.length; t++) {
      m[t] = rows.get(t)[a];
    }
    return m;
  }
}
