package org.bidarena.app.ctr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.ctr.CtrData;
import org.bidarena.analysis.ctr.CtrReport;
import org.bidarena.learning.ctr.CtrModel;
import org.bidarena.learning.ctr.CtrTrainer;
import org.bidarena.learning.ctr.FeatureLayout;
import org.bidarena.learning.ctr.FtrlSettings;
import org.bidarena.learning.ctr.Holdout;
import org.bidarena.learning.ctr.ModelFile;
import org.bidarena.learning.ctr.ModelFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains an FTRL-Proximal click model and scores it on the held-out examples (all examples without a"
          + " holdout): AUC, log loss, a calibration table and its expected calibration error; for a run also the"
          + " oracle (the true click probabilities) and, as a cross-check, a batch logistic regression fitted to"
          + " the same training examples.",
      "Example:  bidarena ctr train --data train.csv --format avazu --holdout-days 1 --out avazu.model"
    })
public final class CtrTrainCommand implements Callable<Integer> {
  @Mixin CtrDataOptions data = new CtrDataOptions();

  @Option(names = "--out", paramLabel = "FILE", description = "Where the model goes (default: ctr.model).")
  Path out = Path.of("ctr.model");

  @Option(names = "--from", paramLabel = "FILE",
      description = "Continue training this model (its settings, layout and state) instead of a new one.")
  Path from;

  @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training examples: 1..1000 (default 1).")
  int epochs = 1;

  @Option(names = "--alpha", description = "FTRL alpha (default 0.2 for a run, whose clicks are few; 0.1 for the logs).")
  Double alpha;

  @Option(names = "--beta", description = "FTRL beta (default 1).")
  Double beta;

  @Option(names = "--l1", description = "L1 penalty (default 1).")
  Double l1;

  @Option(names = "--l2", description = "L2 penalty (default 1).")
  Double l2;

  @Option(names = "--hash-bits", paramLabel = "B",
      description = "The model has 2^B coordinates: " + FeatureLayout.MIN_BITS + ".." + FeatureLayout.MAX_BITS
          + " (default 18 for a run, 22 for the logs).")
  Integer hashBits;

  @Option(names = "--cross", paramLabel = "A*B",
      description = "A feature cross of two fields (repeatable); 'none' for no crosses. Default: a run's"
          + " agent*interests and agent*stage; none for the logs.")
  List<String> crosses = new ArrayList<>();

  @Option(names = "--batch-cap", paramLabel = "N",
      description = "Training examples the batch cross-check keeps in memory (0 = no cross-check; default 1000000).")
  int batchCap = 1_000_000;

  @Option(names = "--batch-passes", paramLabel = "N",
      description = "Full passes of the batch cross-check: 1..10000 (default ${DEFAULT-VALUE}).")
  int batchPasses = 200;

  @Override
  public Integer call() throws Exception {
    if (batchPasses < 1 || batchPasses > 10_000) {
      throw new BadInput("--batch-passes " + batchPasses + ": must be 1..10000");
    }
    if (epochs < 1 || epochs > 1000) {
      throw new BadInput("--epochs " + epochs + ": must be 1..1000");
    }
    if (batchCap < 0) {
      throw new BadInput("--batch-cap " + batchCap + ": must be 0 or more");
    }
    if (Files.isDirectory(out)) {
      throw new BadInput("--out " + out + ": is a folder; give a file name");
    }
    CtrData d = data.open();
    CtrModel model = model(d);
    Holdout holdout = data.holdout(d);
    Progress progress = new Progress();
    CtrTrainer.Result r = new CtrTrainer(model, holdout, epochs, batchCap, batchPasses, progress::report).run(d::open);
    progress.done();
    ModelFile.save(model, out);
    System.out.printf(Locale.ROOT, "Trained FTRL-Proximal (alpha %s, beta %s, l1 %s, l2 %s) on %,d examples (%d epoch%s)"
        + " of %s%s; layout %s.%n", model.ftrl().settings().alpha(), model.ftrl().settings().beta(),
        model.ftrl().settings().l1(), model.ftrl().settings().l2(), r.trained(), epochs, epochs == 1 ? "" : "s",
        data.data, from == null ? "" : " (continuing " + from + ")", model.layout().describe());
    if (d.run() != null) {
      System.out.printf(Locale.ROOT, "Replayed the run's customers: %,d impressions; all %,d journaled clicks drawn"
          + " again, auction for auction.%n", d.run().columns().size(), d.run().verifiedClicks());
    }
    System.out.printf(Locale.ROOT, "Held out: %s (%,d examples); skipped %,d malformed lines.%n", holdout.describe(),
        r.heldOut(), r.skipped());
    System.out.printf(Locale.ROOT, "Throughput: %,.0f examples per CPU-second for the FTRL updates alone (one thread);"
        + " %,.0f examples/s wall-clock end to end (reading, hashing, updating).%n", r.updatesPerSecond(), r.endToEndPerSecond());
    System.out.print(CtrReport.header(r.model()));
    System.out.print(CtrReport.row("FTRL model", r.model()));
    System.out.print(CtrReport.row("oracle (true pCTR)", r.oracle()));
    if (d.run() != null) {
      System.out.print(CtrReport.row("visible oracle (see README)", d.run().visibleOracle(holdout)));
    }
    System.out.print(CtrReport.row("batch logistic (" + r.batchExamples() + ")", r.batch()));
    System.out.print(CtrReport.calibration("FTRL model", r.model()));
    System.out.println("Model written to " + out + ".");
    return 0;
  }

  private CtrModel model(CtrData d) {
    if (from != null) {
      if (!crosses.isEmpty() || hashBits != null || alpha != null || beta != null || l1 != null || l2 != null) {
        throw new BadInput("--from " + from + ": the model keeps its own settings, crosses and hash bits; drop"
            + " --alpha/--beta/--l1/--l2/--cross/--hash-bits");
      }
      CtrModel m;
      try {
        m = ModelFile.load(from);
      } catch (ModelFileException e) {
        throw new BadInput(e.getMessage());
      }
      if (!d.fits(m.layout())) {
        throw new BadInput("the model file " + from + " was made for the feature layout " + m.layout().describe()
            + ", not for " + d.layoutName() + " data");
      }
      return m;
    }
    List<String> c = crosses.isEmpty() ? d.defaultCrosses() : crosses.equals(List.of("none")) ? List.of() : crosses;
    int bits = hashBits != null ? hashBits : d.format() == CtrData.Format.RUN ? 18 : 22;
    FtrlSettings settings;
    try {
      double a = alpha != null ? alpha : d.format() == CtrData.Format.RUN ? 0.2 : 0.1;
      FtrlSettings d0 = FtrlSettings.DEFAULT;
      settings = new FtrlSettings(a, beta != null ? beta : d0.beta(), l1 != null ? l1 : d0.l1(),
          l2 != null ? l2 : d0.l2());
    } catch (IllegalArgumentException e) {
      throw new BadInput("--alpha/--beta/--l1/--l2: " + e.getMessage());
    }
    return new CtrModel(d.layout(c, bits), settings);
  }
}
