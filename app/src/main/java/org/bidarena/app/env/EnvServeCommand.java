package org.bidarena.app.env;

import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.training.env.EnvSpec;
import org.bidarena.training.env.StepServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the scenario's market as a step environment: a client makes environment copies, resets one on a"
          + " seed and steps it a tick at a time with one bid multiplier per learning agent, and gets the Java"
          + " learners' observation and reward back. Messages are JSON, each after its 4-byte big-endian length"
          + " (README, 'Train from Python').",
      "Prints 'env serve: listening on HOST:PORT' when ready and serves until killed."
    })
public final class EnvServeCommand implements Callable<Integer> {
  @Mixin EnvOptions options;

  @Option(names = "--port", paramLabel = "N", description = "The TCP port (default ${DEFAULT-VALUE}; 0 = any free port).")
  int port = 7878;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads that step the copies of one step_many in parallel (default ${DEFAULT-VALUE}: one after"
          + " another). The numbers do not depend on it.")
  int threads = 1;

  @Override
  public Integer call() throws Exception {
    if (threads < 1 || threads > 256) {
      throw new BadInput("--threads must be from 1 to 256, got " + threads);
    }
    if (port < 0 || port > 65535) {
      throw new BadInput("--port must be from 0 to 65535, got " + port);
    }
    EnvSpec spec = options.spec();
    StepServer server;
    try {
      server = StepServer.start(spec, host, port, threads);
    } catch (java.io.IOException e) {
      throw new BadInput("cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
    System.out.println("env serve: scenario " + spec.scenario().name() + ", agents " + spec.agents() + ", "
        + spec.scenario().totalTicks() + " ticks an episode, actions 0.." + spec.maxMultiplier());
    System.out.println("env serve: listening on " + server.host() + ":" + server.port());
    System.out.flush();
    server.awaitClose();
    return 0;
  }
}
