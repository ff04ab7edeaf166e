package org.bidarena.agents;

import org.bidarena.core.journal.TickEvent;

/**
 * One agent's settled tick: the requests it saw, the bids the exchanges accepted, what it bought and
 * what its ads earned, its spend so far today, and its bid multiplier after learning from the tick.
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
    double multiplier)
    implements TickEvent, AgentEvent {}
