package org.bidarena.analysis.journal;

import java.util.List;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.analysis.metrics.RunSummary;

/** What the journal says about a simulated run: its summary, every agent's settled ticks, its last tick. */
public record RunJournal(RunSummary summary, List<BidderTickSettled> ticks, long lastTick) {}
