package org.bidarena.agents.campaign;

import java.util.List;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.StrategyEntry;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioException;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategySettings;

/**
 * The catalog entry {@code campaign}: an agent whose line items are the cells of a test grid (see
 * {@link CampaignStrategy}); the grid's dimensions, the agents' cadences and every rule threshold are its
 * settings. Its creatives are the agent's {@code creatives}; its daily budget is the campaign's.
 */
public final class CampaignEntry implements StrategyEntry {
  @Override
  public String name() {
    return "campaign";
  }

  @Override
  public List<Setting> settings() {
    CampaignRules d = CampaignRules.DEFAULTS;
    return List.of(
        Setting.text("audiences", "NAME=ZIP,ZIP/signal,signal; ...",
            "the test audiences: ZIPs from customers.features.regions and interest signals (either may be empty)"),
        Setting.text("bid-strategies", "NAME=FACTOR; ...", "the bid strategies, each a factor on the base bid"),
        Setting.text("dayparts", "NAME=FROM-TO; ...", "the dayparts, whole hours, not overlapping (23-6 wraps)"),
        Setting.text("platforms", "NAME; ...", "the platforms; platform i buys on the partitions p mod count = i"),
        Setting.integer("optimise", 0, 1, 1, "0 | 1", "1 = the optimisation agents run; 0 = a static even split"),
        Setting.integer("monitor-every", 0, 1_000_000, 0, "ticks",
            "the monitor's and lifecycle manager's cadence; 0 = 30 s of simulated time, at least one tick"),
        Setting.integer("reallocate-every", 0, 1_000_000, 0, "ticks", "the budget agent's cadence; 0 = 2 min"),
        Setting.integer("discover-every", 0, 1_000_000, 0, "ticks", "the audience agent's cadence; 0 = 5 min"),
        Setting.integer("rotate-every", 0, 1_000_000, 0, "ticks", "the creative agent's cadence; 0 = 10 min"),
        Setting.number("ctr-threshold", 0, 1, d.ctrThreshold(), "clicks / impressions",
            "the expected CTR; a cell under half of it is flagged"),
        Setting.number("reallocation-share", 0, 0.5, d.reallocationShare(), "share of ranked cells",
            "the bottom share that loses budget and the top share that gains it"),
        Setting.number("reallocation-cut", 0, 1, d.reallocationCut(), "share of budget",
            "what a bottom cell loses of its daily budget"),
        Setting.number("rank-min-spend", 0, 1e9, 5.0, "money",
            "a cell joins the budget ranking once it has spent this much"),
        Setting.integer("promote-conversions", 0, 1_000_000_000, d.promoteConversions(), "conversions",
            "promoted above this many conversions ..."),
        Setting.number("promote-roas", 0, 1000, d.promoteRoas(), "revenue / spend", "... and above this ROAS"),
        Setting.number("min-test-budget", 0, 1e9, d.minTestBudgetMicros() / 1e6, "money",
            "a cell that spent this much with no conversion is killed"),
        Setting.number("wear-out-slope", -100, -1e-9, d.wearOutSlope(), "relative CTR change per hour",
            "a creative whose CTR trend is below this is rotated"),
        Setting.integer("wear-out-hours", 2, 24, 3, "hours", "the window of the CTR trend"),
        Setting.integer("wear-out-min-clicks", 0, 1_000_000_000, 0, "clicks",
            "a creative is judged once its window holds this many clicks; 0 = always (the document's rule)"),
        Setting.number("discovery-confidence", 0, 1, d.discoveryConfidence(), "probability",
            "a ZIP joins a new test audience above this confidence"));
  }

  static CampaignRules rules(StrategySettings s) {
    return new CampaignRules(s.number("ctr-threshold"), s.number("reallocation-share"), s.number("reallocation-cut"),
        s.integer("promote-conversions"), s.number("promote-roas"), Math.round(s.number("min-test-budget") * 1e6),
        s.number("wear-out-slope"), s.number("discovery-confidence"), CampaignRules.DEFAULTS.riskBudget());
  }

  static Cadences cadences(StrategySettings s, int ticksPerDay) {
    return new Cadences(
        Cadences.orDefault(s.integer("monitor-every"), Cadences.MONITOR_SECONDS, ticksPerDay),
        Cadences.orDefault(s.integer("reallocate-every"), Cadences.REALLOCATE_SECONDS, ticksPerDay),
        Cadences.orDefault(s.integer("discover-every"), Cadences.DISCOVER_SECONDS, ticksPerDay),
        Cadences.orDefault(s.integer("rotate-every"), Cadences.ROTATE_SECONDS, ticksPerDay));
  }

  @Override
  public void check(AgentSpec agent, Scenario scenario) {
    try {
      CampaignSpec.of(agent, scenario);
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(e.getMessage());
    }
  }

  @Override
  public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
    StrategySettings s = agent.settings();
    CampaignSpec spec = CampaignSpec.of(agent, scenario);
    CampaignOptimiser optimiser = s.integer("optimise") == 0 ? null : new CampaignOptimiser(spec, rules(s),
        cadences(s, scenario.ticksPerDay()), Math.round(s.number("rank-min-spend") * 1e6),
        s.integer("wear-out-min-clicks"));
    return new CampaignStrategy(spec, scenario, agent.dailyBudgetMicros(), optimiser,
        (int) s.integer("wear-out-hours"), streams.key(CampaignStrategy.CELL, agentIndex));
  }
}
