package org.bidarena.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bidarena.agents.learning.LearnerStrategy;

/**
 * A training's state after its last finished episode: the episodes done, every worker's full learner state (weights,
 * optimiser moments, replay buffer, exploration stream) and the learning curve. Written to a temporary file
 * and moved into place, so a kill leaves the previous checkpoint or the new one, never half of one.
 */
final class TrainingCheckpoint {
  private static final int MAGIC = 0x42415443;

  private TrainingCheckpoint() {}

  static void write(Path file, int episodesDone, List<LearnerStrategy> workers, List<EpisodeResult> curve)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(episodesDone);
      out.writeInt(workers.size());
      for (LearnerStrategy learner : workers) {
        double[] state = learner.state();
        out.writeInt(state.length);
        for (double v : state) {
          out.writeDouble(v);
        }
      }
      out.writeInt(curve.size());
      for (EpisodeResult r : curve) {
        out.writeUTF(r.csv());
      }
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes.toByteArray());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Restores the learner and the curve from {@code file}; returns the episodes done (0 without a file). */
  static int readInto(Path file, List<LearnerStrategy> workers, List<EpisodeResult> curve) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException(file + " is not a training checkpoint");
      }
      int done = in.readInt();
      if (in.readInt() != workers.size()) {
        throw new IllegalArgumentException(file + " holds another number of workers than this training has");
      }
      for (LearnerStrategy learner : workers) {
        double[] state = new double[in.readInt()];
        for (int i = 0; i < state.length; i++) {
          state[i] = in.readDouble();
        }
        learner.restore(state);
      }
      int rows = in.readInt();
      for (int i = 0; i < rows; i++) {
        curve.add(EpisodeResult.parse(in.readUTF()));
      }
      return done;
    } catch (java.io.EOFException e) {
      throw new IllegalArgumentException(file + " is cut short; delete it to start the training over");
    }
  }
}
