package org.bidarena.analysis.metrics;

import java.util.List;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.TickCompleted;

/**
 * What one tick added to a run: each agent's settlement, each customer shard's outcomes, and the Driver's
 * {@code TickCompleted}, which is null for a tick that the run stopped in before the Driver closed it.
 */
public record TickResult(
    long tick, List<BidderTickSettled> settled, List<OutcomesRecorded> outcomes, TickCompleted completed) {
  public TickResult {
    settled = List.copyOf(settled);
    outcomes = List.copyOf(outcomes);
  }
}
