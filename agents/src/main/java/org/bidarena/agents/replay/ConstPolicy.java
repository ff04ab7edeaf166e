package org.bidarena.agents.replay;

import org.bidarena.core.replay.LoggedAuctions;
import org.bidarena.core.replay.SequentialPolicy;

/** Const: the same bid on every auction (tuned by {@link BidLandscape#bestConstant}). */
public record ConstPolicy(int bid) implements SequentialPolicy {
  @Override
  public int bid(LoggedAuctions episode, int index, int auctionsLeft, long budgetLeft) {
    return bid;
  }
}
