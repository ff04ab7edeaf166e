package org.bidarena.app.env;

import picocli.CommandLine.Command;

@Command(
    name = "env",
    mixinStandardHelpOptions = true,
    description = "The market as a step environment for learners written in Python (see python/ and the README,"
        + " 'Train from Python').",
    subcommands = {EnvServeCommand.class, EnvTraceCommand.class})
public final class EnvCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
