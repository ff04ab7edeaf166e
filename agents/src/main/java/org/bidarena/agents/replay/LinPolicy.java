package org.bidarena.agents.replay;

import org.bidarena.core.replay.LoggedAuctions;
import org.bidarena.core.replay.SequentialPolicy;

/** Lin, to the letter of the protocol: a = min(floor(pCTR * b0 / theta_avg), maxBid). */
public record LinPolicy(int b0, double thetaAvg, int maxBid) implements SequentialPolicy {
  @Override
  public int bid(LoggedAuctions episode, int index, int auctionsLeft, long budgetLeft) {
    return (int) Math.min(Math.floor(episode.pCtr()[index] * b0 / thetaAvg), maxBid);
  }
}
