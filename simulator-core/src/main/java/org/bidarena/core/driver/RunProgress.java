package org.bidarena.core.driver;

/** What the Driver tells the observer of a run (the command line, or a test). */
public sealed interface RunProgress {
  /** A tick is complete and journaled. */
  record TickFinished(long tick, long auctions, long totalTicks) implements RunProgress {}

  /** Every tick of the scenario is complete. */
  record RunFinished(long lastTick) implements RunProgress {}

  /** The run stopped and cannot go on. */
  record RunFailed(String reason) implements RunProgress {}
}
