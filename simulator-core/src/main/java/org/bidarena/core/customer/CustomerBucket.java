package org.bidarena.core.customer;

import java.util.Arrays;

/**
 * The state of one shard's customers in compact parallel arrays: row i is customer
 * {@code firstCustomer + i}. Per-agent memories are row-major [customer][agent].
 *
 * <p>Mutable and owned by one actor; {@link #copy()} gives the independent copy that a snapshot needs.
 */
public final class CustomerBucket {
  /** An exposure count saturates here, so that it fits a byte. */
  public static final int MAX_COUNT = 127;

  public final int firstCustomer;
  public final int size;
  public final int agents;
  /** The tick this state is the end of; -1 before the first tick. */
  public long tick;

  public final byte[] stage;
  /** The tick the current stage was entered. */
  public final int[] stageSince;
  /** The tick of the last click or purchase (negative: before the run). */
  public final int[] lastEngaged;
  public final long[] lifetimeValueMicros;
  /** The agent whose ad was last clicked, or -1. */
  public final int[] lastClickAgent;
  public final int[] lastClickTick;
  /** The auction id of the last clicked impression, or -1: what a later purchase is attributed to. */
  public final long[] lastClickAuction;
  /** Impressions of each agent's ads today, for frequency caps. */
  public final byte[] exposuresToday;
  /** Recent impressions of each agent's ads, halved every day, for ad fatigue. */
  public final byte[] recentExposures;

  public CustomerBucket(int firstCustomer, int size, int agents) {
    this.firstCustomer = firstCustomer;
    this.size = size;
    this.agents = agents;
    this.tick = -1;
    this.stage = new byte[size];
    this.stageSince = new int[size];
    this.lastEngaged = new int[size];
    this.lifetimeValueMicros = new long[size];
    this.lastClickAgent = new int[size];
    Arrays.fill(lastClickAgent, -1);
    this.lastClickTick = new int[size];
    this.lastClickAuction = new long[size];
    Arrays.fill(lastClickAuction, -1);
    this.exposuresToday = new byte[size * agents];
    this.recentExposures = new byte[size * agents];
  }

  /** Rebuilds a bucket from its arrays, as read from a snapshot. */
  public CustomerBucket(
      int firstCustomer, int agents, long tick, byte[] stage, int[] stageSince, int[] lastEngaged,
      long[] lifetimeValueMicros, int[] lastClickAgent, int[] lastClickTick, long[] lastClickAuction,
      byte[] exposuresToday, byte[] recentExposures) {
    this.firstCustomer = firstCustomer;
    this.size = stage.length;
    this.agents = agents;
    this.tick = tick;
    this.stage = stage;
    this.stageSince = stageSince;
    this.lastEngaged = lastEngaged;
    this.lifetimeValueMicros = lifetimeValueMicros;
    this.lastClickAgent = lastClickAgent;
    this.lastClickTick = lastClickTick;
    this.lastClickAuction = lastClickAuction;
    this.exposuresToday = exposuresToday;
    this.recentExposures = recentExposures;
    int n = size;
    if (stageSince.length != n || lastEngaged.length != n || lifetimeValueMicros.length != n
        || lastClickAgent.length != n || lastClickTick.length != n || lastClickAuction.length != n || exposuresToday.length != n * agents
        || recentExposures.length != n * agents) {
      throw new IllegalArgumentException("customer arrays of a bucket differ in length");
    }
  }

  public CustomerBucket copy() {
    return new CustomerBucket(
        firstCustomer, agents, tick, stage.clone(), stageSince.clone(), lastEngaged.clone(),
        lifetimeValueMicros.clone(), lastClickAgent.clone(), lastClickTick.clone(), lastClickAuction.clone(), exposuresToday.clone(),
        recentExposures.clone());
  }

  public int[] stageCounts() {
    int[] counts = new int[Stage.COUNT];
    for (int i = 0; i < size; i++) {
      counts[stage[i]]++;
    }
    return counts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerBucket b && firstCustomer == b.firstCustomer && agents == b.agents && tick == b.tick
        && Arrays.equals(stage, b.stage) && Arrays.equals(stageSince, b.stageSince)
        && Arrays.equals(lastEngaged, b.lastEngaged) && Arrays.equals(lifetimeValueMicros, b.lifetimeValueMicros)
        && Arrays.equals(lastClickAgent, b.lastClickAgent) && Arrays.equals(lastClickTick, b.lastClickTick)
        && Arrays.equals(lastClickAuction, b.lastClickAuction)
        && Arrays.equals(exposuresToday, b.exposuresToday) && Arrays.equals(recentExposures, b.recentExposures);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(stage) * 31 + Long.hashCode(tick);
  }
}
