package org.bidarena.agents.replay;

import org.bidarena.core.replay.LoggedAuctions;
import org.bidarena.core.replay.SequentialPolicy;

/** RLB: the bid of {@link RlbValueFunction#bid} for the auctions and budget left and the impression's pCTR. */
public record RlbPolicy(RlbValueFunction valueFunction) implements SequentialPolicy {
  @Override
  public int bid(LoggedAuctions episode, int index, int auctionsLeft, long budgetLeft) {
    return valueFunction.bid(auctionsLeft, budgetLeft, episode.pCtr()[index]);
  }
}
