package org.bidarena.app;

import java.io.PrintWriter;
import org.bidarena.analysis.BadInput;
import org.bidarena.app.allocate.AllocateCommand;
import org.bidarena.app.analysis.ExportCommand;
import org.bidarena.app.analysis.ReplayCommand;
import org.bidarena.app.analysis.AttributeCommand;
import org.bidarena.app.analysis.ReportCommand;
import org.bidarena.app.analysis.SqlCommand;
import org.bidarena.app.analysis.WhatIfCommand;
import org.bidarena.app.cluster.ClusterCommand;
import org.bidarena.app.cluster.NodeCommand;
import org.bidarena.app.bidder.BidderCommand;
import org.bidarena.app.ctr.CtrCommand;
import org.bidarena.app.experiment.ExperimentCommand;
import org.bidarena.app.env.EnvCommand;
import org.bidarena.app.fatal.FatalErrors;
import org.bidarena.app.ipinyou.IpinyouBenchmarkCommand;
import org.bidarena.app.marl.MarlCommand;
import org.bidarena.app.node.LocalNode;
import org.bidarena.app.run.ResumeCommand;
import org.bidarena.app.run.RunCommand;
import org.bidarena.app.serve.ServeCommand;
import org.bidarena.app.throughput.ThroughputCommand;
import org.bidarena.app.train.TrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine;

/**
 * The {@code bidarena} command. Exit codes: 0 done, 1 the run failed, 2 bad input, 3 out of memory (raise the
 * heap and resume).
 */
@Command(
    name = "bidarena",
    mixinStandardHelpOptions = true,
    version = "bidarena 0.1.0",
    description = "Simulates a programmatic advertising market: customers, exchanges and bidder agents.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:done", "1:the run failed", "2:bad input (one line says what)",
        "3:out of memory: raise the heap (-Xmx) and resume"},
    subcommands = {
      RunCommand.class, ResumeCommand.class, ReplayCommand.class, ExportCommand.class, SqlCommand.class,
      WhatIfCommand.class, ReportCommand.class, AttributeCommand.class, NodeCommand.class, ClusterCommand.class,
      ThroughputCommand.class, IpinyouBenchmarkCommand.class, ExperimentCommand.class, ServeCommand.class,
      CtrCommand.class, TrainCommand.class, BidderCommand.class, EnvCommand.class, MarlCommand.class,
      AllocateCommand.class, HelpCommand.class
    })
public final class BidArena implements Runnable {
  public static final int BAD_INPUT = 2;
  public static final int FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    // Logging starts before Pekko's threads do, so that none of their first lines is held back.
    org.slf4j.LoggerFactory.getILoggerFactory();
    FatalErrors.install();
    int code;
    try {
      code = execute(args);
    } catch (OutOfMemoryError e) {
      FatalErrors.outOfMemory(e);
      code = FatalErrors.OUT_OF_MEMORY;
    }
    System.exit(code);
  }

  /** Runs a command line and returns its exit code, without exiting (for tests). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.err, true), args);
  }

  /** As {@link #execute(String...)}, with error messages to {@code err}. */
  public static int execute(PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new BidArena());
    cli.setErr(err);
    // A mistyped option gets its one line and a pointer to --help, not the whole usage.
    cli.setParameterExceptionHandler((e, args1) -> {
      err.println("error: " + e.getMessage());
      err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
      return BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof BadInput || e instanceof org.bidarena.core.scenario.ScenarioException) {
        err.println("error: " + e.getMessage());
        return BAD_INPUT;
      }
      if (e instanceof LocalNode.RunFailed) {
        err.println("error: the run stopped: " + e.getMessage());
        return FAILED;
      }
      err.println("error: " + e);
      e.printStackTrace(err);
      return FAILED;
    });
    return cli.execute(args);
  }
}
