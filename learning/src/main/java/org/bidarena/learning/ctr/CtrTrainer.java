package org.bidarena.learning.ctr;

import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import org.bidarena.learning.ctr.data.ExampleReader;

/**
 * Trains a {@link CtrModel} over a data set read as a stream (opened again each epoch), holding out what
 * {@link Holdout} says, then scores the held-out examples: the model, the data's true probabilities where it
 * knows them (the oracle), and a {@link BatchLogistic} fitted to the training examples (up to a cap) as a
 * cross-check.
 *
 * <p>Timing: examples are hashed into blocks, and only the FTRL updates of a block are timed, in this thread's
 * CPU time, so the update rate is the learner's own on one core, whatever else loads the machine; the
 * end-to-end rate (reading, hashing, updating) is wall-clock time.
 */
public final class CtrTrainer {
  private static final int BLOCK = 4096;

  private final CtrModel model;
  private final Holdout holdout;
  private final int epochs;
  private final int batchCap;
  private final int batchPasses;
  private final DoubleConsumer progress;

  /** What training gave. {@code oracle} is empty when the data has no true probabilities; {@code batch} when capped to 0. */
  public record Result(long trained, long heldOut, long skipped, long updateNanos, long totalNanos,
      Scores model, Scores oracle, Scores batch, int batchExamples) {
    public double updatesPerSecond() {
      return trained * 1e9 / Math.max(1, updateNanos);
    }

    public double endToEndPerSecond() {
      return trained * 1e9 / Math.max(1, totalNanos);
    }
  }

  /**
   * @param batchCap the most training examples the batch cross-check keeps in memory (0 = no cross-check)
   * @param progress told the share done (0..1 over all epochs) now and then
   */
  public CtrTrainer(CtrModel model, Holdout holdout, int epochs, int batchCap, int batchPasses,
      DoubleConsumer progress) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    this.model = model;
    this.holdout = holdout;
    this.epochs = epochs;
    this.batchCap = batchCap;
    this.batchPasses = batchPasses;
    this.progress = progress;
  }

  public Result run(Supplier<ExampleReader> data) {
    FeatureLayout layout = model.layout();
    FtrlProximal ftrl = model.ftrl();
    int[] x = new int[layout.maxFeatures()];
    long[] scratch = new long[layout.fields().size()];
    EncodedExamples block = new EncodedExamples();
    EncodedExamples batchData = new EncodedExamples();
    long trained = 0;
    long held = 0;
    long skipped = 0;
    long updateNanos = 0;
    long start = System.nanoTime();
    for (int epoch = 0; epoch < epochs; epoch++) {
      try (ExampleReader r = data.get()) {
        long position = 0;
        while (r.next()) {
          if (holdout.heldOut(position++, r.day())) {
            held += epoch == 0 ? 1 : 0;
            continue;
          }
          int n = layout.encode(r.values(), x, scratch);
          block.add(x, n, r.label());
          if (epoch == 0 && batchData.size() < batchCap) {
            batchData.add(x, n, r.label());
          }
          if (block.size() == BLOCK) {
            updateNanos += learn(ftrl, block);
            trained += block.size();
            block.clear();
            progress.accept((epoch + r.progress()) / epochs);
          }
        }
        updateNanos += learn(ftrl, block);
        trained += block.size();
        block.clear();
        skipped = r.skipped();
      }
    }
    long totalNanos = System.nanoTime() - start;
    BatchLogistic batch = null;
    if (batchData.size() > 0) {
      batch = new BatchLogistic(layout.hashBits(), ftrl.settings().l2());
      batch.fit(batchData, batchPasses);
    }
    Scored scores = score(model, batch, holdout, data);
    return new Result(trained, held, skipped, updateNanos, totalNanos, scores.model(), scores.oracle(),
        scores.batch(), batchData.size());
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static long learn(FtrlProximal ftrl, EncodedExamples block) {
    long t0 = cpuNanos();
    int[] c = block.coords();
    for (int e = 0; e < block.size(); e++) {
      int from = block.start(e);
      ftrl.update(c, from, block.end(e) - from, block.label(e));
    }
    return cpuNanos() - t0;
  }

  /** This thread's CPU time, or wall time where the JVM cannot measure it. */
  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** The scores of one pass: the model's, the true probabilities' (empty without them), the batch model's. */
  public record Scored(Scores model, Scores oracle, Scores batch) {}

  /**
   * Scores the held-out examples (all of them when nothing is held out) with the model, the data's true
   * probabilities where it has them, and the batch model when there is one.
   */
  public static Scored score(CtrModel model, BatchLogistic batch, Holdout holdout, Supplier<ExampleReader> data) {
    int[] x = new int[model.layout().maxFeatures()];
    long[] scratch = new long[model.layout().fields().size()];
    Scores m = new Scores();
    Scores o = new Scores();
    Scores b = new Scores();
    try (ExampleReader r = data.get()) {
      long position = 0;
      while (r.next()) {
        boolean held = holdout.heldOut(position++, r.day());
        if (holdout.any() && !held) {
          continue;
        }
        int n = model.layout().encode(r.values(), x, scratch);
        m.add(model.ftrl().predict(x, n), r.label());
        if (!Double.isNaN(r.truth())) {
          o.add(r.truth(), r.label());
        }
        if (batch != null) {
          b.add(batch.predict(x, n), r.label());
        }
      }
    }
    return new Scored(m, o, b);
  }
}
