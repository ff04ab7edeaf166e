package org.bidarena.app.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.experiment.AgentMetric;
import org.bidarena.analysis.experiment.ExperimentChart;
import org.bidarena.analysis.experiment.ExperimentPlan;
import org.bidarena.analysis.experiment.ExperimentResults;
import org.bidarena.analysis.experiment.ExperimentTables;
import org.bidarena.analysis.experiment.RunValues;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.analysis.stats.Bootstrap;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = {
      "An A/B test: plays every arm on the same seeds (paired) through the market, as 'bidarena run' does, each run"
          + " in its own folder, and reports per agent and metric the mean of each arm, the difference B - A with"
          + " its 95%% interval (percentile bootstrap; Student's t in the CSV) and a verdict.",
      "Arms: two or more scenario files (each compared with the first); or, over one base scenario (default: the"
          + " default scenario), --agent ID --strategies a,b,c or repeated --arm NAME:KEY=VALUE. Writes"
          + " experiment.csv, experiment.html and runs.csv.",
      "An interrupted experiment continues with --resume DIR: finished runs are kept, interrupted ones resumed."
    })
public final class ExperimentCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "SCENARIO.conf",
      description = "The arms' scenarios (A first), or with --strategies at most one base scenario.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "20",
      description = "Seeds per arm, at least 2 (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", paramLabel = "N", defaultValue = "1",
      description = "The first seed; the seeds are N, N+1, ... (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--metric", paramLabel = "LIST", split = ",",
      description = "Per-agent figures of summary.json, e.g. profit,roas,clicks,conversions,spend,incremental-roas"
          + " (default: profit,roas,clicks,conversions,spend).")
  List<String> metrics = new ArrayList<>(AgentMetric.DEFAULTS);

  @Option(names = "--agent", paramLabel = "ID", description = "With --strategies: the agent whose strategy the arms vary.")
  String agent;

  @Option(names = "--strategies", paramLabel = "LIST", split = ",",
      description = "With --agent: one arm per strategy, each compared with the first.")
  List<String> strategies;

  @Option(names = "--arm", paramLabel = "NAME:KEY=VALUE",
      description = "An arm over one base scenario (default: the default scenario) with its own override, e.g."
          + " --arm base: --arm dqn:agents.adaptive.strategy=learned --arm dqn:agents.adaptive.model=m.bin."
          + " Repeatable; each NAME is an arm, compared with the first.")
  List<String> armOptions = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Overrides one scenario key in every arm, as for 'run'. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR",
      description = "The experiment folder: new or empty (default: a new folder under runs/). Never overwritten.")
  Path out;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Runs played at once (default: the number of cores).")
  Integer parallel;

  @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
      description = "Bootstrap resamples, at least 100 (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--bootstrap-seed", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_SEED,
      description = "Seed of the bootstrap's draws (default: ${DEFAULT-VALUE}).")
  long bootstrapSeed;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "Continues the experiment in DIR: keeps finished runs, resumes interrupted ones, then reports.")
  Path resume;

  @Override
  public Integer call() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = parallel != null ? parallel : cores;
    if (threads < 1) {
      throw new BadInput("--parallel must be at least 1, got " + threads);
    }
    if (resume != null) {
      if (!files.isEmpty() || strategies != null || agent != null || !armOptions.isEmpty() || !overrides.isEmpty()
          || out != null) {
        throw new BadInput("--resume DIR continues an experiment as it was planned; give no scenario, --agent,"
            + " --strategies, --arm, --set or --out with it");
      }
      return finish(resume, ExperimentPlan.read(resume), threads);
    }
    if (seeds < 2) {
      throw new BadInput("--seeds must be at least 2 for a paired interval, got " + seeds);
    }
    if (resamples < 100) {
      throw new BadInput("--resamples must be at least 100, got " + resamples);
    }
    List<AgentMetric> chosen = AgentMetric.parse(metrics);
    Map<String, Scenario> arms = arms();
    Path dir = out != null ? out : defaultFolder();
    requireFree(dir);
    List<Long> seedList = Stream.iterate(firstSeed, s -> s + 1).limit(seeds).toList();
    ExperimentPlan plan = new ExperimentPlan(List.copyOf(arms.keySet()), seedList,
        chosen.stream().map(AgentMetric::name).toList(), ExperimentArms.commonAgents(arms), resamples, bootstrapSeed,
        ExperimentPlan.RUNNING);
    Files.createDirectories(dir);
    for (Map.Entry<String, Scenario> arm : arms.entrySet()) {
      Path conf = ExperimentPlan.armScenario(dir, arm.getKey());
      Files.createDirectories(conf.getParent());
      RunFolder.writeAtomically(conf, ScenarioLoader.render(arm.getValue()));
    }
    RunFolder.writeAtomically(dir.resolve(ExperimentPlan.FILE), plan.toJson());
    System.out.printf("Experiment: arms %s, seeds %d..%d, %d runs, up to %d at once -> %s%n",
        String.join(", ", plan.arms()), seedList.get(0), seedList.get(seedList.size() - 1),
        plan.arms().size() * seeds, Math.min(threads, plan.arms().size() * seeds), dir);
    // A scenario file that defines agents replaces the whole set: say which agents are compared.
    System.out.printf("Agents compared (those in every arm): %s%n", String.join(", ", plan.agents()));
    return finish(dir, plan, threads);
  }

  private Map<String, Scenario> arms() {
    if (!armOptions.isEmpty()) {
      if (strategies != null || agent != null || files.size() > 1) {
        throw new BadInput("--arm lays arms over at most one base scenario; give no --agent, --strategies or second"
            + " scenario file with it");
      }
      return ExperimentArms.ofArmOptions(files.isEmpty() ? null : files.get(0), overrides, armOptions);
    }
    if (strategies != null || agent != null) {
      if (strategies == null || agent == null) {
        throw new BadInput("--agent and --strategies go together: --agent ID --strategies a,b[,c...]");
      }
      if (files.size() > 1) {
        throw new BadInput("with --strategies give at most one base scenario, got " + files.size() + " files");
      }
      return ExperimentArms.ofStrategies(files.isEmpty() ? null : files.get(0), overrides, agent, strategies);
    }
    return ExperimentArms.ofFiles(files, overrides);
  }

  /** Plays what is not finished, then reads every summary.json and writes the results. */
  private int finish(Path dir, ExperimentPlan plan, int threads) throws Exception {
    List<ChildRuns.Job> jobs = new ArrayList<>();
    // Seed-major order: the first seeds of every arm finish first, so a stopped experiment has pairs.
    for (long seed : plan.seeds()) {
      for (String arm : plan.arms()) {
        Path conf = ExperimentPlan.armScenario(dir, arm);
        if (!Files.isRegularFile(conf)) {
          throw new BadInput(dir + " is damaged: " + conf + " (arm " + arm + "'s scenario) is missing");
        }
        jobs.add(new ChildRuns.Job(arm, seed, conf, ExperimentPlan.runDir(dir, arm, seed),
            ExperimentPlan.logFile(dir, arm, seed)));
      }
    }
    new ChildRuns(threads, System.out).play(jobs);
    Map<String, List<RunValues>> runs = new LinkedHashMap<>();
    for (ChildRuns.Job job : jobs) {
      runs.computeIfAbsent(job.arm(), k -> new ArrayList<>()).add(RunValues.read(job.dir().resolve("summary.json")));
    }
    List<ExperimentResults.Row> rows = ExperimentResults.compare(plan, runs);
    RunFolder.writeAtomically(dir.resolve("runs.csv"), ExperimentTables.runsCsv(plan, runs));
    RunFolder.writeAtomically(dir.resolve("experiment.csv"), ExperimentTables.csv(rows));
    RunFolder.writeAtomically(dir.resolve("experiment.html"), ExperimentChart.html(
        "Experiment " + dir.getFileName() + ": " + String.join(" vs ", plan.arms()) + ", " + plan.seeds().size()
            + " seeds", rows));
    RunFolder.writeAtomically(dir.resolve(ExperimentPlan.FILE), plan.withStatus(ExperimentPlan.COMPLETE).toJson());
    System.out.print(ExperimentTables.table(rows));
    System.out.printf(Locale.ROOT, "%nwrote %s, %s and %s%n", dir.resolve("experiment.csv"), dir.resolve("experiment.html"),
        dir.resolve("runs.csv"));
    return 0;
  }

  private static void requireFree(Path dir) {
    if (Files.isRegularFile(dir)) {
      throw new BadInput("--out " + dir + " is a file; give a new or empty folder");
    }
    if (Files.isDirectory(dir)) {
      if (Files.exists(dir.resolve(ExperimentPlan.FILE))) {
        throw new BadInput("--out " + dir + " already holds an experiment; it is not overwritten. Give a new folder,"
            + " or continue it with: bidarena experiment --resume " + dir);
      }
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new BadInput("--out " + dir + " is not empty; give a new or empty folder");
        }
      } catch (java.io.IOException e) {
        throw new BadInput("--out " + dir + " cannot be read: " + e.getMessage());
      }
    }
  }

  private static Path defaultFolder() {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    Path base = Path.of("runs", "experiment-" + stamp);
    Path candidate = base;
    for (int i = 2; Files.exists(candidate); i++) {
      candidate = Path.of(base + "-" + i);
    }
    return candidate;
  }
}
