package org.bidarena.agents.replay;

import org.bidarena.agents.RandomStrategy;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.replay.LoggedAuctions;
import org.bidarena.core.replay.SequentialPolicy;

/**
 * Rand: a uniform integer bid on 0..max (max tuned by {@link BidLandscape#bestRandomMax}), drawn from
 * (seed, log row) so that a replay gives the same bids every time.
 */
public record RandPolicy(int max, SeededStreams streams) implements SequentialPolicy {
  @Override
  public int bid(LoggedAuctions episode, int index, int auctionsLeft, long budgetLeft) {
    long bits = streams.bits(RandomStrategy.RANDOM_BID, episode.firstRow() + index);
    return SeededStreams.below(bits, max + 1);
  }
}
