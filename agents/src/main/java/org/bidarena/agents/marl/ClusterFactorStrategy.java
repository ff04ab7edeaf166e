package org.bidarena.agents.marl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.agents.BidContext;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.StrategyEntry;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioException;
import org.bidarena.core.scenario.Setting;

/**
 * One advertiser of an advertiser cluster. Its cluster's agent sets a factor per customer cluster; the
 * advertiser bids base bid x its own {@code variation} x that factor (the action scheme of Jin et al. 2018:
 * one factor per buyer cluster for a whole cluster of sellers, varied per seller). The advertiser is an
 * ordinary bidder entity, so a cluster's advertisers may live on different nodes: they share the policy,
 * not state.
 */
public final class ClusterFactorStrategy implements BiddingStrategy {
  private final int cluster;
  private final double variation;
  private final long baseBidMicros;
  private final FactorSource factors;

  public ClusterFactorStrategy(int cluster, double variation, long baseBidMicros, FactorSource factors) {
    this.cluster = cluster;
    this.variation = variation;
    this.baseBidMicros = baseBidMicros;
    this.factors = factors;
  }

  public int cluster() {
    return cluster;
  }

  @Override
  public long bid(BidContext c) {
    double f = factors.factor(cluster, c.tick(), CustomerClusters.of(c.stage(), c.device()));
    return Math.round(baseBidMicros * variation * f);
  }

  /** The settings both entries share. */
  static List<Setting> common() {
    return List.of(
        Setting.integer("cluster", 0, 63, 0, "index", "the advertiser cluster whose agent sets this advertiser's factors"),
        Setting.number("variation", 0.01, 100, 1.0, "factor", "this advertiser's own factor on its cluster's bid"));
  }

  /** The cluster setting of an agent whose strategy is one of these entries, or -1 for any other agent. */
  public static int clusterOf(AgentSpec agent) {
    return agent.strategy().equals(Base.NAME) || agent.strategy().equals(Policy.NAME)
        ? (int) agent.settings().integer("cluster") : -1;
  }

  /** {@code cluster-base}: factor 1 on every customer cluster (the hand-set baseline; what training starts from). */
  public static final class Base implements StrategyEntry {
    public static final String NAME = "cluster-base";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<Setting> settings() {
      return common();
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      return new ClusterFactorStrategy((int) agent.settings().integer("cluster"), agent.settings().number("variation"),
          scenario.baseBidMicros(), FactorSource.ONE);
    }
  }

  /** {@code cluster-policy}: the factors of a policy trained by {@code bidarena marl}, frozen. */
  public static final class Policy implements StrategyEntry {
    public static final String NAME = "cluster-policy";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public List<Setting> settings() {
      List<Setting> s = new ArrayList<>(common());
      s.add(Setting.text("model", "path", "the policy file that bidarena marl train wrote (policy.txt)"));
      return s;
    }

    @Override
    public void check(AgentSpec agent, Scenario scenario) {
      String key = "agents." + agent.id() + ".model";
      ClusterPolicy p;
      try {
        p = ClusterPolicy.read(Path.of(agent.settings().string("model")));
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(key + ": " + e.getMessage());
      }
      if (p.ticksPerDay() != scenario.ticksPerDay()) {
        throw new ScenarioException(key + ": the policy was trained on " + p.ticksPerDay()
            + " ticks a day; this scenario has " + scenario.ticksPerDay());
      }
      int cluster = (int) agent.settings().integer("cluster");
      if (cluster >= p.clusters()) {
        throw new ScenarioException("agents." + agent.id() + ".cluster: " + cluster + " is not a cluster of the policy, which has "
            + p.clusters() + " (0.." + (p.clusters() - 1) + ")");
      }
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      ClusterPolicy p = ClusterPolicy.read(Path.of(agent.settings().string("model")));
      return new ClusterFactorStrategy((int) agent.settings().integer("cluster"), agent.settings().number("variation"),
          scenario.baseBidMicros(), p);
    }
  }
}
