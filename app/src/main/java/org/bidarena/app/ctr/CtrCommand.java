package org.bidarena.app.ctr;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(
    name = "ctr",
    mixinStandardHelpOptions = true,
    description = {
      "Click-through-rate models: FTRL-Proximal logistic regression on hashed features, trained on the Avazu or"
          + " Criteo logs or on a recorded run's impressions, and scored against the truth where a run knows it.",
      "Example:  bidarena ctr train --data runs/my-run --format run --holdout-days 1 --out ctr.model"
    },
    subcommands = {CtrTrainCommand.class, CtrEvalCommand.class, HelpCommand.class})
public final class CtrCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
