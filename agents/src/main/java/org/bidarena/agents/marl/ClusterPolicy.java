package org.bidarena.agents.marl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A frozen multi-agent policy: for each advertiser cluster, step of the day and customer cluster, the factor
 * on the base bid. The trained actors see only the step of the day (what every bidder knows), so their
 * greedy policy is exactly this table, and a bidder on any node plays it without the learner. The file is
 * text: a header, one line per (cluster, step), and a SHA-256 of the lines above it, so an edited or cut file
 * is refused.
 */
public record ClusterPolicy(String algorithm, double alpha, int ticksPerDay, int stepTicks, double[][][] factors)
    implements FactorSource {
  private static final String MAGIC = "bidarena-cluster-policy v1";

  public int clusters() {
    return factors.length;
  }

  public int stepsPerDay() {
    return ticksPerDay / stepTicks;
  }

  @Override
  public double factor(int cluster, long tick, int customerCluster) {
    int step = (int) (tick % ticksPerDay) / stepTicks;
    return factors[cluster][step][customerCluster];
  }

  public String text() {
    StringBuilder b = new StringBuilder();
    b.append(MAGIC).append('\n');
    b.append("algorithm=").append(algorithm).append('\n');
    b.append("alpha=").append(alpha).append('\n');
    b.append("ticks-per-day=").append(ticksPerDay).append('\n');
    b.append("step-ticks=").append(stepTicks).append('\n');
    b.append("clusters=").append(factors.length).append('\n');
    b.append("customer-clusters=").append(String.join(",", CustomerClusters.NAMES)).append('\n');
    for (int k = 0; k < factors.length; k++) {
      for (int s = 0; s < factors[k].length; s++) {
        b.append(k).append(' ').append(s);
        for (double f : factors[k][s]) {
          b.append(' ').append(f);
        }
        b.append('\n');
      }
    }
    return b + "sha256=" + sha256(b.toString()) + "\n";
  }

  public void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text(), StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads and verifies a policy file; any fault is an IllegalArgumentException of one line. */
  public static ClusterPolicy read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("policy file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("policy file " + file + " cannot be read: " + e.getMessage());
    }
    try {
      return parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("policy file " + file + " is not a cluster policy: " + e.getMessage());
    }
  }

  static ClusterPolicy parse(String text) {
    int cut = text.lastIndexOf("sha256=");
    if (!text.startsWith(MAGIC + "\n") || cut < 0) {
      throw new IllegalArgumentException("it does not start with '" + MAGIC + "' and end with its checksum");
    }
    String body = text.substring(0, cut);
    if (!text.substring(cut + 7).strip().equals(sha256(body))) {
      throw new IllegalArgumentException("its checksum does not match (edited or cut)");
    }
    String[] lines = body.split("\n");
    String algorithm = value(lines[1], "algorithm");
    double alpha = Double.parseDouble(value(lines[2], "alpha"));
    int ticksPerDay = Integer.parseInt(value(lines[3], "ticks-per-day"));
    int stepTicks = Integer.parseInt(value(lines[4], "step-ticks"));
    int clusters = Integer.parseInt(value(lines[5], "clusters"));
    if (!value(lines[6], "customer-clusters").equals(String.join(",", CustomerClusters.NAMES))) {
      throw new IllegalArgumentException("it names other customer clusters than " + String.join(",", CustomerClusters.NAMES));
    }
    if (stepTicks < 1 || ticksPerDay % stepTicks != 0 || clusters < 1) {
      throw new IllegalArgumentException("step-ticks must divide ticks-per-day and clusters be at least 1");
    }
    int steps = ticksPerDay / stepTicks;
    double[][][] f = new double[clusters][steps][CustomerClusters.COUNT];
    List<String> rows = new ArrayList<>(List.of(lines).subList(7, lines.length));
    if (rows.size() != clusters * steps) {
      throw new IllegalArgumentException("it has " + rows.size() + " factor lines, not " + clusters * steps);
    }
    for (int i = 0; i < rows.size(); i++) {
      String[] p = rows.get(i).split(" ");
      int k = i / steps;
      int s = i % steps;
      if (p.length != 2 + CustomerClusters.COUNT || Integer.parseInt(p[0]) != k || Integer.parseInt(p[1]) != s) {
        throw new IllegalArgumentException("factor line " + (i + 1) + " is not '" + k + " " + s + "' and "
            + CustomerClusters.COUNT + " factors");
      }
      for (int c = 0; c < CustomerClusters.COUNT; c++) {
        f[k][s][c] = Double.parseDouble(p[2 + c]);
      }
    }
    return new ClusterPolicy(algorithm, alpha, ticksPerDay, stepTicks, f);
  }

  private static String value(String line, String key) {
    if (!line.startsWith(key + "=")) {
      throw new IllegalArgumentException("expected '" + key + "=' but found '" + line + "'");
    }
    return line.substring(key.length() + 1);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
