package org.bidarena.app.marl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.app.command.ScenarioArgument;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.training.marl.AdvertiserClusters;
import org.bidarena.training.marl.MarlSettings;
import org.bidarena.training.marl.MarlSettings.Algorithm;
import org.bidarena.training.marl.MarlSweep;
import org.bidarena.training.marl.MarlTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "marl",
    mixinStandardHelpOptions = true,
    description = {
      "Multi-agent bidding: one learning agent per advertiser cluster of the scenario (advertisers with strategy"
          + " cluster-base or cluster-policy), each setting a factor per customer cluster on the base bid. For every"
          + " setting and seed it trains the agents on the market loop (episodes on seeds 1,000,000 + seed x"
          + " 100,000 + episode) and plays their frozen policy on the seed itself; all settings meet the same seeds.",
      "Settings: base (factor 1, no learning), ddpg (independent learners, alpha 0), dcmab-ALPHA (shared critic,"
          + " reward mixing alpha) for each --alphas, and the exchange's adaptive reserve (+reserve) with base and"
          + " dcmab-1.",
      "Writes runs.csv, market.csv, summary.csv, comparisons.csv, curves.csv, report.md, chart.svg and each"
          + " trained policy (policies/SETTING/seed-N.txt, for cluster-policy's model key)."
    })
public final class MarlCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.conf",
      description = "A scenario with advertiser clusters, e.g. scenarios/marl-100.conf.")
  Path scenarioFile;

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds (default ${DEFAULT-VALUE}, at least 2).")
  int seeds = 10;

  @Option(names = "--first-seed", paramLabel = "N", description = "First seed (default ${DEFAULT-VALUE}).")
  long firstSeed = 1;

  @Option(names = "--episodes", paramLabel = "N", description = "Training episodes per setting and seed (default ${DEFAULT-VALUE}).")
  int episodes = 30;

  @Option(names = "--step-ticks", paramLabel = "N", description = "Ticks per decision step (default ${DEFAULT-VALUE}).")
  int stepTicks = 12;

  @Option(names = "--alphas", split = ",", paramLabel = "A,B,..",
      description = "Reward-mixing settings of dcmab, each in [0, 1] (default 0,0.25,0.5,0.75,1).")
  List<Double> alphas = new ArrayList<>(List.of(0.0, 0.25, 0.5, 0.75, 1.0));

  @Option(names = "--max-factor", paramLabel = "F", description = "Factors range over [1/F, F] (default ${DEFAULT-VALUE}).")
  double maxFactor = 3.0;

  @Option(names = "--reserve-gain", paramLabel = "G",
      description = "The adaptive reserve's gain per step (default ${DEFAULT-VALUE}; 0 = no counter-measure settings).")
  double reserveGain = 0.3;

  @Option(names = "--reserve-reference-cpm", paramLabel = "CPM",
      description = "The clearing price the adaptive reserve defends (default: bidding.base-cpm).")
  Double reserveReferenceCpm;

  @Option(names = "--threads", paramLabel = "N", description = "Trainings at once (default ${DEFAULT-VALUE}).")
  int threads = 2;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/marl).")
  Path out = Path.of("runs", "marl");

  @Override
  public Integer call() throws Exception {
    if (scenarioFile == null) {
      throw new BadInput("marl needs a scenario with advertiser clusters, e.g. scenarios/marl-100.conf");
    }
    ScenarioArgument.check(scenarioFile);
    if (seeds < 2 || seeds > 10_000) {
      throw new BadInput("--seeds must be from 2 to 10,000 (intervals need 2), got " + seeds);
    }
    if (episodes < 1 || episodes > 100_000) {
      throw new BadInput("--episodes must be from 1 to 100,000, got " + episodes);
    }
    for (double a : alphas) {
      if (!(a >= 0 && a <= 1)) {
        throw new BadInput("--alphas takes values in [0, 1], got " + a);
      }
    }
    if (!(maxFactor > 1 && maxFactor <= 100)) {
      throw new BadInput("--max-factor must be above 1 and at most 100, got " + maxFactor);
    }
    if (!(reserveGain >= 0 && reserveGain <= 10)) {
      throw new BadInput("--reserve-gain must be from 0 to 10, got " + reserveGain);
    }
    if (threads < 1 || threads > 256) {
      throw new BadInput("--threads must be from 1 to 256, got " + threads);
    }
    if (Files.exists(out.resolve(MarlReport.MARKET))) {
      throw new BadInput(out + " already holds a marl sweep; choose another --out");
    }
    Scenario scenario = ScenarioLoader.load(scenarioFile, List.of(), null);
    if (scenario.ticksPerDay() % stepTicks != 0 || stepTicks < 1) {
      throw new BadInput("--step-ticks must divide the scenario's " + scenario.ticksPerDay() + " ticks a day, got " + stepTicks);
    }
    AdvertiserClusters clusters;
    try {
      clusters = AdvertiserClusters.of(scenario);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
    double reference = reserveReferenceCpm != null ? reserveReferenceCpm : scenario.baseBidMicros() / 1000.0;
    if (!(reference > 0)) {
      throw new BadInput("--reserve-reference-cpm must be above 0, got " + reference);
    }
    List<MarlSettings> settings = settings(reference);
    System.out.printf(Locale.ROOT, "marl: %s, %d advertisers in %d clusters, %d settings x %d seeds (%d..%d), %d episodes"
            + " of %d ticks each, %d threads, into %s%n", scenarioFile, scenario.agentCount(), clusters.count(),
        settings.size(), seeds, firstSeed, firstSeed + seeds - 1, episodes, scenario.totalTicks(), threads, out);
    Files.createDirectories(out);
    long start = System.nanoTime();
    List<MarlTrainer.Result[]> results = MarlSweep.run(scenario, settings, firstSeed, seeds, threads, r ->
        System.out.printf(Locale.ROOT, "%-16s seed %d: total profit %.2f, ROI %.3f, exchange revenue %.2f (%.0f s)%n",
            r.settings().name(), r.seed(), r.evaluation().totalProfit(), r.evaluation().totalRoi(),
            r.evaluation().exchangeRevenue(), (System.nanoTime() - start) / 1e9));
    double seconds = (System.nanoTime() - start) / 1e9;
    new MarlReport(scenarioFile.toString(), scenario, settings, results, seconds).write(out);
    System.out.printf(Locale.ROOT, "done in %.0f s; %s%n", seconds, out.resolve(MarlReport.REPORT));
    return 0;
  }

  private List<MarlSettings> settings(double reference) {
    List<MarlSettings> s = new ArrayList<>();
    s.add(new MarlSettings("base", Algorithm.BASE, 0, 0, stepTicks, maxFactor, 0, reference));
    s.add(new MarlSettings("ddpg", Algorithm.DDPG, 0, episodes, stepTicks, maxFactor, 0, reference));
    for (double a : alphas) {
      s.add(new MarlSettings("dcmab-" + alphaText(a), Algorithm.DCMAB, a, episodes, stepTicks, maxFactor, 0, reference));
    }
    if (reserveGain > 0) {
      s.add(new MarlSettings("base+reserve", Algorithm.BASE, 0, 0, stepTicks, maxFactor, reserveGain, reference));
      s.add(new MarlSettings("dcmab-1+reserve", Algorithm.DCMAB, 1, episodes, stepTicks, maxFactor, reserveGain, reference));
    }
    return s;
  }

  static String alphaText(double a) {
    String t = Double.toString(a);
    return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
  }
}
