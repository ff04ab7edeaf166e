package org.bidarena.training.marl;

import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.marl.ClusterFactorStrategy;
import org.bidarena.agents.marl.ClusterPolicy;
import org.bidarena.agents.marl.CustomerClusters;
import org.bidarena.agents.marl.FactorSource;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AdaptiveReserve;
import org.bidarena.learning.SplitMix;
import org.bidarena.training.MarketLoop;

/**
 * Trains the advertiser clusters' agents together on the market loop and evaluates their frozen policy.
 *
 * <p>An episode is a whole run of the scenario on seed 1,000,000 + seed x 100,000 + episode (never an
 * evaluation seed). Every {@code stepTicks} ticks each cluster agent sets one factor per customer cluster,
 * factor = maxFactor ^ action (action in [-1, 1]); its advertisers bid base x variation x factor. Agent k's
 * raw reward for a step is its cluster's profit (revenue x margin - spend) over the mean cluster's budget
 * for a step; the learner gets (1 - alpha) r_k + alpha x mean(r). Exploration noise falls linearly from 0.5
 * to 0.05 over the episodes. The evaluation plays the greedy policy (a {@link ClusterPolicy} table) on the
 * seed itself. Single-threaded and seeded from the seed alone: the same call gives the same bits.
 */
public final class MarlTrainer {
  /** A training's outcome: the frozen policy (null for the base setting), its evaluation, the learning curve. */
  public record Result(MarlSettings settings, long seed, ClusterPolicy policy, ClusterOutcome evaluation,
      double[] episodeReward) {}

  private final Scenario scenario;
  private final AdvertiserClusters clusters;
  private final MarlSettings settings;
  private final ActorCriticTeam.Hyper hyper;

  public MarlTrainer(Scenario scenario, MarlSettings settings) {
    this(scenario, settings, ActorCriticTeam.Hyper.DEFAULT);
  }

  MarlTrainer(Scenario scenario, MarlSettings settings, ActorCriticTeam.Hyper hyper) {
    if (scenario.ticksPerDay() % settings.stepTicks() != 0) {
      throw new IllegalArgumentException("step-ticks " + settings.stepTicks() + " must divide the scenario's "
          + scenario.ticksPerDay() + " ticks a day");
    }
    this.scenario = scenario;
    this.clusters = AdvertiserClusters.of(scenario);
    this.settings = settings;
    this.hyper = hyper;
  }

  public AdvertiserClusters clusters() {
    return clusters;
  }

  private int stepsPerDay() {
    return scenario.ticksPerDay() / settings.stepTicks();
  }

  public Result train(long seed) {
    int k = clusters.count();
    int c = CustomerClusters.COUNT;
    ClusterPolicy policy = null;
    double[] curve = new double[settings.episodes()];
    if (settings.algorithm() != MarlSettings.Algorithm.BASE) {
      ActorCriticTeam team = new ActorCriticTeam(k, c, stepsPerDay(),
          settings.algorithm() == MarlSettings.Algorithm.DCMAB, hyper, seed * 1_000_003L + 17);
      SplitMix rng = new SplitMix(seed * 0x9E3779B97F4A7C15L + 0x5EED);
      for (int e = 0; e < settings.episodes(); e++) {
        double noise = 0.5 - 0.45 * e / Math.max(1, settings.episodes() - 1);
        curve[e] = episode(team, scenario.withSeed(1_000_000L + seed * 100_000L + e), noise, rng);
      }
      policy = policyOf(team);
    }
    FactorSource played = policy != null ? policy : FactorSource.ONE;
    return new Result(settings, seed, policy, evaluate(scenario.withSeed(seed), played), curve);
  }

  /** The greedy actors as a table: per cluster and step of the day, each customer cluster's factor. */
  private ClusterPolicy policyOf(ActorCriticTeam team) {
    double[][][] f = new double[clusters.count()][stepsPerDay()][];
    for (int k = 0; k < clusters.count(); k++) {
      for (int s = 0; s < stepsPerDay(); s++) {
        double[] a = team.greedy(k, oneHot(s));
        f[k][s] = new double[a.length];
        for (int i = 0; i < a.length; i++) {
          f[k][s][i] = factor(a[i]);
        }
      }
    }
    return new ClusterPolicy(settings.algorithm().key(), settings.alpha(), scenario.ticksPerDay(), settings.stepTicks(), f);
  }

  private double factor(double action) {
    return StrictMath.exp(action * StrictMath.log(settings.maxFactor()));
  }

  private double[] oneHot(int stepOfDay) {
    double[] t = new double[stepsPerDay()];
    t[stepOfDay] = 1;
    return t;
  }

  private AdaptiveReserve reserveFor(Scenario sc) {
    if (!settings.adaptiveReserve()) {
      return null;
    }
    long ref = Math.round(settings.reserveReferenceCpm() * 1000);
    return new AdaptiveReserve(sc.auction().reserveMicros(), sc.auction().reserveMicros(), sc.auction().maxBidMicros(),
        ref, settings.reserveGain());
  }

  private MarketLoop loop(Scenario sc, FactorSource source, StepLedger ledger) {
    return new MarketLoop(sc, a -> strategyOf(sc, a, source), ledger);
  }

  private BiddingStrategy strategyOf(Scenario sc, int agent, FactorSource source) {
    int k = clusters.clusterOf()[agent];
    if (k < 0) {
      return null;
    }
    AgentSpec spec = sc.agents().get(agent);
    return new ClusterFactorStrategy(k, spec.settings().number("variation"), sc.baseBidMicros(), source);
  }

  /** One training episode; returns the mean over steps of the agents' mean raw reward. */
  private double episode(ActorCriticTeam team, Scenario sc, double noise, SplitMix rng) {
    int k = clusters.count();
    int c = CustomerClusters.COUNT;
    double scale = clusters.meanDailyBudgetMicros() / stepsPerDay();
    double margin = sc.reporting().marginPpm() / 1e6;
    int steps = sc.totalTicks() / settings.stepTicks();
    double[][] current = new double[k][c];
    double[][] state = {joint(null, 0, scale, margin)};
    double[][] action = {team.act(state[0], noise, rng)};
    setFactors(current, action[0]);
    double[] total = {0};
    StepLedger ledger = new StepLedger(clusters, sc.agentCount(), settings.stepTicks(), reserveFor(sc));
    ledger.listen((step, l) -> {
      double[] raw = new double[k];
      for (int i = 0; i < k; i++) {
        raw[i] = (l.revenue(i) * margin - l.spend(i)) / scale;
      }
      double[] mixed = RewardMixing.mix(raw, settings.alpha());
      total[0] += RewardMixing.mix(raw, 1)[0];
      boolean done = step + 1 >= steps;
      double[] next = joint(l, (step + 1) % stepsPerDay(), scale, margin);
      team.remember(state[0], action[0], mixed, next, done);
      team.update(rng);
      if (!done) {
        state[0] = next;
        action[0] = team.act(next, noise, rng);
        setFactors(current, action[0]);
      }
    });
    loop(sc, (cluster, tick, cc) -> current[cluster][cc], ledger).run();
    return total[0] / steps;
  }

  private void setFactors(double[][] current, double[] actions) {
    int c = CustomerClusters.COUNT;
    for (int k = 0; k < current.length; k++) {
      for (int i = 0; i < c; i++) {
        current[k][i] = factor(actions[k * c + i]);
      }
    }
  }

  /** The joint state before a step: the last step's pair costs and cluster revenues (scaled), then the time. */
  private double[] joint(StepLedger l, int stepOfDay, double scale, double margin) {
    int k = clusters.count();
    int c = CustomerClusters.COUNT;
    double[] s = new double[k * c + k + stepsPerDay()];
    if (l != null) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < c; j++) {
          s[i * c + j] = l.cost(i, j) / scale;
        }
        s[k * c + i] = l.revenue(i) * margin / scale;
      }
    }
    s[k * c + k + stepOfDay] = 1;
    return s;
  }

  /** Plays {@code source} frozen on the scenario's own seed. */
  public ClusterOutcome evaluate(Scenario sc, FactorSource source) {
    StepLedger ledger = new StepLedger(clusters, sc.agentCount(), settings.stepTicks(), reserveFor(sc));
    loop(sc, source, ledger).run();
    int k = clusters.count();
    long[] revenue = new long[k];
    long[] spend = new long[k];
    for (int a = 0; a < sc.agentCount(); a++) {
      int cl = clusters.clusterOf()[a];
      if (cl >= 0) {
        revenue[cl] += ledger.agentRevenue()[a];
        spend[cl] += ledger.agentSpend()[a];
      }
    }
    return new ClusterOutcome(sc.seed(), revenue, spend, ledger.paid(), ledger.sold(), ledger.auctions(),
        sc.reporting().marginPpm() / 1e6, ledger.meanReserveMicros());
  }
}
