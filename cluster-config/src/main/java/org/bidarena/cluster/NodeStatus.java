package org.bidarena.cluster;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** What this node's health endpoint reports beyond cluster membership: is the engine up, and how far. */
public final class NodeStatus {
  private final AtomicBoolean engineStarted = new AtomicBoolean();
  private final AtomicLong currentTick = new AtomicLong(-1);
  private final AtomicLong entitiesStarted = new AtomicLong();

  public void engineStarted() {
    engineStarted.set(true);
  }

  public boolean isEngineStarted() {
    return engineStarted.get();
  }

  /** The highest tick this node has seen finished (by the Driver, or by an entity it hosts). */
  public void tickFinished(long tick) {
    currentTick.accumulateAndGet(tick, Math::max);
  }

  public long currentTick() {
    return currentTick.get();
  }

  /** A shard, exchange partition or bidder of some incarnation started on this node. */
  public void entityStarted() {
    entitiesStarted.incrementAndGet();
  }

  public long entitiesStarted() {
    return entitiesStarted.get();
  }
}
