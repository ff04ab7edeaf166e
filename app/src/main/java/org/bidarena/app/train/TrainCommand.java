package org.bidarena.app.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.bidarena.analysis.BadInput;
import org.bidarena.app.command.ScenarioArgument;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.training.Curriculum;
import org.bidarena.training.Evaluation;
import org.bidarena.training.Trainer;
import org.bidarena.training.TrainingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains one agent's learner against the scenario's other agents, episode after episode (an episode is a"
          + " whole run of the scenario on its own seed: 1,000,000 + seed x 100,000 + episode), on the single-"
          + "threaded market loop, an exact replica of the actor market.",
      "Writes learning-curve.csv, a checkpoint after every episode, and model.bin, which 'run' plays with"
          + " strategy = learned, model = \"DIR/model.bin\". --resume DIR continues an interrupted training"
          + " and ends with the same model bytes."
    })
public final class TrainCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.conf",
      description = "The scenario (default: the default scenario).")
  Path scenarioFile;

  @Option(names = "--agent", paramLabel = "ID", description = "The agent whose slot the learner takes.")
  String agent;

  @Option(names = "--algo", paramLabel = "NAME", description = "The learner: bandit, dqn, ...")
  String algorithm;

  @Option(names = "--episodes", paramLabel = "N", description = "Episodes (default ${DEFAULT-VALUE}).")
  int episodes = 30;

  @Option(names = "--seed", paramLabel = "N", description = "The training seed (default ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--out", paramLabel = "DIR", description = "The training folder (default runs/train-ALGO-AGENT).")
  Path out;

  @Option(names = "--resume", paramLabel = "DIR", description = "Continues the training in DIR.")
  Path resume;

  @Option(names = "--evaluate", paramLabel = "N",
      description = "Afterwards, plays the agent's slot with the model and with each fixed strategy on seeds 1..N"
          + " and prints the slot's profit per arm (default 0: no evaluation).")
  int evaluate;

  @Override
  public Integer call() throws Exception {
    TrainingPlan plan;
    Path dir;
    if (resume != null) {
      dir = resume;
      try {
        plan = TrainingPlan.read(dir);
      } catch (IllegalArgumentException e) {
        throw new BadInput(e.getMessage());
      }
    } else {
      if (agent == null || algorithm == null) {
        throw new BadInput("train needs --agent ID and --algo NAME (allowed: " + String.join(", ",
            Trainer.algorithms()) + "), or --resume DIR");
      }
      if (!Trainer.algorithms().contains(algorithm)) {
        throw new BadInput("unknown algorithm '" + algorithm + "'; allowed: " + String.join(", ", Trainer.algorithms()));
      }
      if (episodes < 1 || episodes > 1_000_000) {
        throw new BadInput("--episodes must be from 1 to 1,000,000, got " + episodes);
      }
      Path file = ScenarioArgument.check(scenarioFile);
      plan = new TrainingPlan(file == null ? "" : file.toAbsolutePath().toString(), agent, algorithm, seed, episodes);
      dir = out != null ? out : Path.of("runs", "train-" + algorithm + "-" + agent);
      if (Files.exists(dir.resolve(TrainingPlan.FILE))) {
        throw new BadInput(dir + " already holds a training; continue it with --resume " + dir + " or choose another"
            + " --out");
      }
    }
    Path file = plan.scenarioFile().isEmpty() ? null : Path.of(plan.scenarioFile());
    Scenario scenario = ScenarioLoader.load(file, List.of(), null);
    Curriculum curriculum = Curriculum.of(file, plan.episodes());
    List<Scenario> stages = curriculum.scenarios(file);
    Trainer trainer;
    try {
      trainer = new Trainer(plan, curriculum, stages, dir);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
    System.out.printf(Locale.ROOT, "train: %s for agent %s, %d episodes of %d ticks, seed %d, in %s%n",
        plan.algorithm(), plan.agent(), plan.episodes(), scenario.totalTicks(), plan.seed(), dir);
    if (curriculum.stages().size() > 1) {
      System.out.println("curriculum: " + curriculum.stages().stream().map(Curriculum.Stage::name).toList());
    }
    long start = System.nanoTime();
    long[] auctions = {0};
    int[] ran = {0};
    ProgressBar bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName("episodes")
        .setInitialMax(plan.episodes()).setStyle(ProgressBarStyle.ASCII).build();
    try {
      trainer.run((r, done, total, n) -> {
        auctions[0] += n;
        ran[0]++;
        String line = String.format(Locale.ROOT, "episode %d/%d: profit %.2f, spend %.2f, ROAS %.2f, win rate %.3f%s",
            done, total, r.profit(), r.spend(), r.roas(), r.winRate(),
            curriculum.stages().size() > 1 ? ", stage " + r.stage() : "");
        if (bar != null) {
          bar.stepTo(done);
          bar.setExtraMessage(line);
        } else {
          System.out.println(line);
        }
      });
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (ran[0] > 0) {
      System.out.printf(Locale.ROOT, "trained %d episodes in %.1f s: %,.0f auctions/s, %.1f episodes/min%n", ran[0],
          seconds, auctions[0] / seconds, ran[0] * 60 / seconds);
    }
    System.out.println("model: " + dir.resolve(Trainer.MODEL) + ", curve: " + dir.resolve(Trainer.CURVE));
    if (evaluate > 0) {
      System.out.printf(Locale.ROOT, "evaluation of agent %s on seeds 1..%d (profit per run):%n", plan.agent(), evaluate);
      List<Evaluation.Arm> arms = Evaluation.run(file, plan.agent(), dir.resolve(Trainer.MODEL), evaluate);
      double[] learned = arms.get(0).profit();
      System.out.printf(Locale.ROOT, "%-14s %12s %14s %12s%n", "strategy", "mean profit", "learned - it", "learned wins");
      for (Evaluation.Arm arm : arms) {
        double diff = 0;
        int wins = 0;
        for (int s = 0; s < learned.length; s++) {
          diff += learned[s] - arm.profit()[s];
          wins += learned[s] > arm.profit()[s] ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%-14s %12.2f %14.2f %9d/%d%n", arm.name(), arm.mean(), diff / learned.length,
            wins, learned.length);
      }
    }
    return 0;
  }
}
