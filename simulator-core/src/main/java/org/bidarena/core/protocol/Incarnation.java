package org.bidarena.core.protocol;

import org.bidarena.core.journal.RestorePoint;

/**
 * One generation of a run's entities: every shard, exchange partition and bidder of an incarnation was
 * started from the same checkpoint. When a node is lost the Driver halts the running incarnation and
 * starts the next one from the last complete checkpoint.
 *
 * <p>The incarnation is part of each Cluster Sharding entity id ({@code key@epoch:tick}), so a message for
 * an old incarnation can never reach, or start, an entity of the new one. Persistence ids do not carry
 * it: every incarnation writes to and recovers from the same journal.
 */
public record Incarnation(int epoch, long restoreTick) {
  private static final char KEY_END = '@';
  private static final char EPOCH_END = ':';

  /** The incarnation a run starts (or resumes) with. */
  public static Incarnation first(RestorePoint from) {
    return new Incarnation(0, from.tick());
  }

  /** The incarnation after this one, restored from {@code checkpoint}. */
  public Incarnation next(long checkpoint) {
    return new Incarnation(epoch + 1, checkpoint);
  }

  public RestorePoint restorePoint() {
    return new RestorePoint(restoreTick);
  }

  /** The sharding entity id of the entity {@code key} (a shard, partition or agent id) in this incarnation. */
  public String entityId(String key) {
    return key + KEY_END + epoch + EPOCH_END + restoreTick;
  }

  /** The key part of an entity id made by {@link #entityId}. */
  public static String keyOf(String entityId) {
    int end = entityId.lastIndexOf(KEY_END);
    if (end < 0) {
      throw new IllegalArgumentException("entity id " + entityId + " has no incarnation");
    }
    return entityId.substring(0, end);
  }

  /** The incarnation part of an entity id made by {@link #entityId}. */
  public static Incarnation ofEntityId(String entityId) {
    int keyEnd = entityId.lastIndexOf(KEY_END);
    int epochEnd = entityId.indexOf(EPOCH_END, keyEnd + 1);
    if (keyEnd < 0 || epochEnd < 0) {
      throw new IllegalArgumentException("entity id " + entityId + " has no incarnation");
    }
    return new Incarnation(
        Integer.parseInt(entityId.substring(keyEnd + 1, epochEnd)), Long.parseLong(entityId.substring(epochEnd + 1)));
  }

  @Override
  public String toString() {
    return "incarnation " + epoch + " (from checkpoint " + restoreTick + ")";
  }
}
