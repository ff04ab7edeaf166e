package org.bidarena.agents;

import java.util.List;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategySettings;

/**
 * Steers a multiplier on the base bid from the agent's own recent results.
 *
 * <p>Bids, impressions, spend and revenue are kept as exponentially weighted sums that halve every
 * {@code halfLifeTicks}. After each tick: when ROAS is below target the agent is overpaying, so it bids
 * less; otherwise, when it wins too rarely, it bids more. ROAS only counts once there is spend, so an agent
 * that bids and wins nothing raises its bids rather than stalling. Only plain double arithmetic on the
 * settled results is used, so replays learn identically.
 */
public final class AdaptiveStrategy implements BiddingStrategy {
  /** What it steers toward, how fast, and within which bounds. */
  public record Settings(
      double targetRoas, double targetWinRate, double step, double minMultiplier, double maxMultiplier, double halfLifeTicks) {

    static Settings of(StrategySettings s) {
      return new Settings(s.number("target-roas"), s.number("target-win-rate"), s.number("step"),
          s.number("min-multiplier"), s.number("max-multiplier"), s.number("half-life-ticks"));
    }
  }

  private final long baseBidMicros;
  private final Settings settings;
  private final double decay;
  private double m;
  private double ewBids;
  private double ewImpressions;
  private double ewSpend;
  private double ewRevenue;

  public AdaptiveStrategy(long baseBidMicros, double initialMultiplier, Settings settings) {
    if (settings.halfLifeTicks() <= 0) {
      throw new IllegalArgumentException("halfLifeTicks must be positive, got " + settings.halfLifeTicks());
    }
    this.baseBidMicros = baseBidMicros;
    this.settings = settings;
    this.decay = StrictMath.pow(0.5, 1.0 / settings.halfLifeTicks());
    this.m = initialMultiplier;
  }

  @Override
  public long bid(BidContext context) {
    return Math.round(baseBidMicros * m);
  }

  @Override
  public void onTickSettled(TickSettlement s) {
    ewBids = ewBids * decay + s.bids();
    ewImpressions = ewImpressions * decay + s.impressions();
    ewSpend = ewSpend * decay + s.spendMicros();
    ewRevenue = ewRevenue * decay + s.revenueMicros();
    if (ewSpend > 0 && ewRevenue / ewSpend < settings.targetRoas()) {
      m *= 1 - settings.step();
    } else if (ewBids > 0 && ewImpressions / ewBids < settings.targetWinRate()) {
      m *= 1 + settings.step();
    }
    m = Math.min(settings.maxMultiplier(), Math.max(settings.minMultiplier(), m));
  }

  @Override
  public long uniformBid(long tick, int partition) {
    return Math.round(baseBidMicros * m);
  }

  @Override
  public double multiplier() {
    return m;
  }

  @Override
  public double[] state() {
    return new double[] {m, ewBids, ewImpressions, ewSpend, ewRevenue};
  }

  @Override
  public void restore(double[] state) {
    if (state.length != 5) {
      throw new IllegalArgumentException("adaptive state has 5 values, got " + state.length);
    }
    m = state[0];
    ewBids = state[1];
    ewImpressions = state[2];
    ewSpend = state[3];
    ewRevenue = state[4];
  }

  /** The catalog entry: {@code adaptive}, starting at {@code multiplier} and steering it within bounds. */
  public static final class Entry implements StrategyEntry {
    @Override
    public String name() {
      return "adaptive";
    }

    @Override
    public List<Setting> settings() {
      return List.of(
          Setting.number("multiplier", 0.01, 100, 1.0, "x bidding.base-cpm", "the starting factor on the base bid"),
          Setting.positive("target-roas", 1000, 3.0, "revenue / spend", "the return on spend it steers toward"),
          Setting.number("target-win-rate", 0, 1, 0.25, "impressions / bids", "the share of auctions it aims to win"),
          Setting.number("step", 0, 1, 0.02, "relative", "the change of the multiplier per adjustment"),
          Setting.number("min-multiplier", 0.01, 100, 0.5, "x bidding.base-cpm", "the lowest multiplier"),
          Setting.number("max-multiplier", 0.01, 100, 2.5, "x bidding.base-cpm", "the highest multiplier"),
          Setting.positive("half-life-ticks", 1e6, 48, "ticks", "the half-life of its running averages"));
    }

    @Override
    public List<AtMost> orderings() {
      return List.of(new AtMost("min-multiplier", "max-multiplier"));
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      StrategySettings s = agent.settings();
      return new AdaptiveStrategy(scenario.baseBidMicros(), s.number("multiplier"), Settings.of(s));
    }
  }
}
