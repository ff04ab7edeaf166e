package org.bidarena.app.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.training.env.EnvSpec;
import org.bidarena.training.env.EnvTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = "Plays one episode the way 'train' does (the learners' loop), each learning agent playing a fixed"
        + " list of multipliers, and writes the actions, observations and rewards as JSON: what a step-server client"
        + " must get for the same seed and actions.")
public final class EnvTraceCommand implements Callable<Integer> {
  @Mixin EnvOptions options;

  @Option(names = "--seed", paramLabel = "N", description = "The episode's seed (default ${DEFAULT-VALUE}).")
  long seed = 7;

  @Option(names = "--actions", paramLabel = "M1,M2,...",
      description = "Multipliers read round and round: agent i of n plays entry (tick x n + i) mod count (default"
          + " ${DEFAULT-VALUE}).")
  String actions = "0.6,1.0,1.7,0.3,2.5,1.2,0";

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The JSON file to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    EnvSpec spec = options.spec();
    double[] cycle;
    try {
      cycle = EnvTrace.parseCycle(actions, spec.maxMultiplier());
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
    if (Files.isDirectory(out)) {
      throw new BadInput("--out " + out + " is a directory; give a file");
    }
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    new ObjectMapper().writeValue(tmp.toFile(), EnvTrace.play(spec, seed, cycle));
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("env trace: " + spec.scenario().totalTicks() + " ticks on seed " + seed + " written to " + out);
    return 0;
  }
}
