package org.bidarena.agents.replay;

import org.bidarena.core.replay.LoggedAuctions;
import org.bidarena.core.replay.SequentialPolicy;

/**
 * Mcpc: bid the impression's expected value at the training cost per click, min(floor(pCTR * CPC), max).
 * Prices are CPM, so the factor 1000 of "per mille" cancels: a CPM bid of pCTR * CPC pays, per click,
 * what the training data paid.
 */
public record McpcPolicy(double cpc, int maxBid) implements SequentialPolicy {
  @Override
  public int bid(LoggedAuctions episode, int index, int auctionsLeft, long budgetLeft) {
    return (int) Math.min(Math.floor(episode.pCtr()[index] * cpc), maxBid);
  }
}
