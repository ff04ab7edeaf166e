package org.bidarena.app.ctr;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.ctr.CtrData;
import org.bidarena.analysis.ctr.CtrReport;
import org.bidarena.learning.ctr.CtrModel;
import org.bidarena.learning.ctr.CtrTrainer;
import org.bidarena.learning.ctr.Holdout;
import org.bidarena.learning.ctr.ModelFile;
import org.bidarena.learning.ctr.ModelFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a trained model on data (all of it, or only the part --holdout/--holdout-days hold out): AUC, log loss,"
          + " a calibration table and its expected calibration error; for a run, also the oracle's (the true click"
          + " probabilities).",
      "Example:  bidarena ctr eval --model ctr.model --data runs/other-seed --format run"
    })
public final class CtrEvalCommand implements Callable<Integer> {
  @Mixin CtrDataOptions data = new CtrDataOptions();

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model made by 'bidarena ctr train'.")
  Path modelFile;

  @Override
  public Integer call() throws Exception {
    CtrModel model;
    try {
      model = ModelFile.load(modelFile);
    } catch (ModelFileException e) {
      throw new BadInput(e.getMessage());
    }
    CtrData d = data.open();
    if (!d.fits(model.layout())) {
      throw new BadInput("the model file " + modelFile + " was made for the feature layout " + model.layout().describe()
          + ", not for " + d.layoutName() + " data");
    }
    Holdout holdout = data.holdout(d);
    CtrTrainer.Scored s = CtrTrainer.score(model, null, holdout, d::open);
    System.out.print(CtrReport.header(s.model()));
    System.out.print(CtrReport.row("FTRL model", s.model()));
    System.out.print(CtrReport.row("oracle (true pCTR)", s.oracle()));
    if (d.run() != null) {
      System.out.print(CtrReport.row("visible oracle (see README)", d.run().visibleOracle(holdout)));
    }
    System.out.print(CtrReport.calibration("FTRL model", s.model()));
    return 0;
  }
}
