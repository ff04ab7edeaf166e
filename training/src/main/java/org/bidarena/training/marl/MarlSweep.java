package org.bidarena.training.marl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.bidarena.core.scenario.Scenario;

/**
 * Every setting trained and evaluated on every seed. The (setting, seed) trainings are independent and each
 * is deterministic, so they run on a pool of threads and the results are put back in (setting, seed) order:
 * the same sweep gives the same results whatever the thread count. All settings meet the same training and
 * evaluation seeds, so settings compare in pairs, seed by seed.
 */
public final class MarlSweep {
  private MarlSweep() {}

  /** results.get(i)[j] = setting i on seed firstSeed + j. */
  public static List<MarlTrainer.Result[]> run(Scenario scenario, List<MarlSettings> settings, long firstSeed, int seeds,
      int threads, Consumer<MarlTrainer.Result> onDone) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<List<Future<MarlTrainer.Result>>> futures = new ArrayList<>();
      for (MarlSettings s : settings) {
        MarlTrainer trainer = new MarlTrainer(scenario, s);
        List<Future<MarlTrainer.Result>> row = new ArrayList<>();
        for (int j = 0; j < seeds; j++) {
          long seed = firstSeed + j;
          row.add(pool.submit(() -> {
            MarlTrainer.Result r = trainer.train(seed);
            synchronized (onDone) {
              onDone.accept(r);
            }
            return r;
          }));
        }
        futures.add(row);
      }
      List<MarlTrainer.Result[]> out = new ArrayList<>();
      for (List<Future<MarlTrainer.Result>> row : futures) {
        MarlTrainer.Result[] r = new MarlTrainer.Result[row.size()];
        for (int j = 0; j < r.length; j++) {
          r[j] = row.get(j).get();
        }
        out.add(r);
      }
      return out;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a training failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
