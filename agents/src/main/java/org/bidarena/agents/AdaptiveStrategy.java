package org.bidarena.agents;

import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.scenario.AgentSpec;

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
  private final long baseBidMicros;
  private final AgentSpec.Adaptive settings;
  private final double decay;
  private double m;
  private double ewBids;
  private double ewImpressions;
  private double ewSpend;
  private double ewRevenue;

  public AdaptiveStrategy(long baseBidMicros, double initialMultiplier, AgentSpec.Adaptive settings) {
    if (settings.halfLifeTicks() <= 0) {
      throw new IllegalArgumentException("halfLifeTicks must be positive, got " + settings.halfLifeTicks());
    }
    this.baseBidMicros = baseBidMicros;
    this.settings = settings;
    this.decay = StrictMath.pow(0.5, 1.0 / settings.halfLifeTicks());
    this.m = initialMultiplier;
  }

  @Override
  public long bid(long tick, int partition, VisitBatch auctions, int row) {
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
}
