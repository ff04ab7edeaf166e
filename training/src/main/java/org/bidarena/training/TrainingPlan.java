package org.bidarena.training;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a training does, as written to {@code training.properties} in its folder so that {@code train --resume}
 * needs nothing else: the scenario file (empty: the default scenario), the agent, the algorithm, the seed and
 * the number of episodes.
 */
public record TrainingPlan(String scenarioFile, String agent, String algorithm, long seed, int episodes) {
  public static final String FILE = "training.properties";

  /**
   * The seed of episode {@code e}: far above the small seeds an evaluation uses (1, 2, ...), so a trained
   * policy is always judged on markets it never trained on.
   */
  public long episodeSeed(int e) {
    return 1_000_000L + seed * 100_000L + e;
  }

  /** The learner's own seed (its initial weights and exploration). */
  public long learnerSeed() {
    return seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
  }

  public void write(Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("scenario", scenarioFile);
    p.setProperty("agent", agent);
    p.setProperty("algorithm", algorithm);
    p.setProperty("seed", Long.toString(seed));
    p.setProperty("episodes", Integer.toString(episodes));
    try (Writer w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.store(w, "bidarena train: what this folder trains; train --resume reads it");
    }
  }

  /** @throws IllegalArgumentException when the folder holds no training or a damaged plan */
  public static TrainingPlan read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(dir + " holds no training to resume (no " + FILE + ")");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
      return new TrainingPlan(p.getProperty("scenario", ""), required(p, "agent"), required(p, "algorithm"),
          Long.parseLong(required(p, "seed")), Integer.parseInt(required(p, "episodes")));
    } catch (IOException | NumberFormatException e) {
      throw new IllegalArgumentException(file + " is damaged: " + e.getMessage());
    }
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException(FILE + " has no " + key);
    }
    return v;
  }
}
