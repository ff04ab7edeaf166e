package org.bidarena.agents;

import java.util.List;
import org.bidarena.core.journal.TickEvent;

/**
 * One agent's settled tick: the requests it saw, the bids the exchanges accepted, what it bought and
 * what its ads earned, its spend so far today, its bid multiplier after learning from the tick, and the
 * decisions its strategy took at the tick's end (campaign test cells; none for the other strategies).
 */
public record BidderTickSettled(
    long tick,
    String agent,
    long auctions,
    long bids,
    long bidSumMicros,
    long impressions,
    long spendMicros,
    long clicks,
    long conversions,
    long revenueMicros,
    long spentTodayMicros,
    double multiplier,
    List<StrategyDecision> decisions)
    implements TickEvent, AgentEvent {

  public BidderTickSettled {
    decisions = List.copyOf(decisions);
  }

  /** A settled tick without decisions. */
  public BidderTickSettled(long tick, String agent, long auctions, long bids, long bidSumMicros, long impressions,
      long spendMicros, long clicks, long conversions, long revenueMicros, long spentTodayMicros, double multiplier) {
    this(tick, agent, auctions, bids, bidSumMicros, impressions, spendMicros, clicks, conversions, revenueMicros,
        spentTodayMicros, multiplier, List.of());
  }
}
