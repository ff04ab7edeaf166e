package org.bidarena.analysis.journal;

import java.util.List;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.analysis.metrics.TickOutcomes;

/**
 * What the journal says about a simulated run: its summary, every agent's settled ticks and their outcome
 * figures from the customer shards (together the rows of ticks.csv), its last tick.
 */
public record RunJournal(RunSummary summary, List<BidderTickSettled> ticks, TickOutcomes tickOutcomes, long lastTick) {}
