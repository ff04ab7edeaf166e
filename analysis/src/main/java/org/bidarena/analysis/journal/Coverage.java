package org.bidarena.analysis.journal;

/**
 * Which ticks an analysis reads: every tick of a finished run, or, of an unfinished run analysed with
 * {@code --partial}, the ticks the Driver completed (a tick some entities journaled but the Driver never
 * completed counts nowhere, so that every command gives the same figures).
 *
 * @param lastTick the last tick read
 * @param finalTick the run's last tick, when finished
 */
public record Coverage(boolean partial, long lastTick, long finalTick) {

  public static Coverage complete(long finalTick) {
    return new Coverage(false, finalTick, finalTick);
  }

  public static Coverage partial(long lastTick, long finalTick) {
    return new Coverage(true, lastTick, finalTick);
  }

  /** What outputs of a partial run say about themselves; empty for a finished run. */
  public String label() {
    return partial ? "partial run: ticks 0 to " + lastTick + " of " + finalTick + " only (the run is unfinished)" : "";
  }

  /** For the export's fingerprint. */
  public String key() {
    return partial ? "partial:" + lastTick : "complete";
  }
}
