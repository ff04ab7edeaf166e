package org.bidarena.core.journal;

import org.apache.pekko.persistence.typed.SnapshotSelectionCriteria;
import org.apache.pekko.persistence.typed.javadsl.Recovery;

/**
 * The checkpoint a run restarts from: every stateful actor restores its snapshot of {@code tick} and the
 * Driver re-runs the ticks after it.
 *
 * <p>Each tick participant journals exactly one event per tick, so the event of tick t has sequence
 * number t + 1, and the snapshot taken after tick t is selected by that sequence number.
 */
public record RestorePoint(long tick) {
  public static final RestorePoint START = new RestorePoint(-1);

  public boolean isStart() {
    return tick < 0;
  }

  public static long sequenceNrOf(long tick) {
    return tick + 1;
  }

  public Recovery recovery() {
    if (isStart()) {
      return Recovery.withSnapshotSelectionCriteria(SnapshotSelectionCriteria.none());
    }
    return Recovery.withSnapshotSelectionCriteria(
        SnapshotSelectionCriteria.latest().withMaxSequenceNr(sequenceNrOf(tick)));
  }
}
