package org.bidarena.core.customer;

import java.util.Arrays;

/**
 * The state of one shard's customers in compact parallel arrays: row i is customer {@code firstCustomer + i}.
 *
 * <p>Memory is sparse in agents: a customer keeps {@link #SLOTS} per-agent slots (agent, frequency today,
 * recent exposures, last impression tick, last click tick), evicting the least recently active one, and a
 * ring of its last {@link #TOUCHES} ad touches. So the bytes per customer do not grow with the number of
 * agents: 87 bytes plus the 12 of the features (docs/market-model-2.md, "Memory").
 *
 * <p>A customer's lifetime value is not kept: it is the sum of its purchases' revenue in the journal.
 *
 * <p>Mutable and owned by one actor; {@link #copy()} gives the independent copy that a snapshot needs. The
 * customers' features are not here: they are a pure function of the seed ({@code CustomerFeatures}).
 */
public final class CustomerBucket {
  /** An exposure count saturates here, so that it fits a byte. */
  public static final int MAX_COUNT = 127;
  /** Ad touches remembered per customer. */
  public static final int TOUCHES = 3;
  /** Per-agent memory slots per customer. */
  public static final int SLOTS = 3;
  /** A tick that never happened (no impression or click yet). */
  public static final int NEVER = Integer.MIN_VALUE;
  /**
   * {@link #flags} bit: the customer has bought, before the run (it started in Purchase, Retention or Churn
   * Risk) or in it.
   */
  public static final int CUSTOMER = 1;
  /** {@link #touchInfo} bit: the touch was clicked. The bits above it hold the channel (0 = display). */
  public static final int CLICKED = 1;

  public final int firstCustomer;
  public final int size;
  /** The tick this state is the end of; -1 before the first tick. */
  public long tick;

  public final byte[] stage;
  public final byte[] flags;
  /** The agent whose ad was last clicked, or -1; the auction of that click (its tick is in the id), or -1. */
  public final int[] lastClickAgent;
  public final long[] lastClickAuction;

  /** Touch ring, [customer][TOUCHES]: agent (-1 = empty), tick, creative, info ({@link #CLICKED}, channel). */
  public final int[] touchAgent;
  public final int[] touchTick;
  public final byte[] touchCreative;
  public final byte[] touchInfo;
  /** Where each customer's next touch goes in its ring. */
  public final byte[] touchNext;

  /** Agent slots, [customer][SLOTS]: agent (-1 = free) and its memory. */
  public final int[] slotAgent;
  public final byte[] slotFrequencyToday;
  /** Recent impressions, halved every day, for ad fatigue. */
  public final byte[] slotRecent;
  public final int[] slotLastImpression;
  public final int[] slotLastClick;

  /** This shard's impressions of each creative so far (index: the creative's offset, see {@code Creatives}). */
  public final long[] creativeImpressions;

  public CustomerBucket(int firstCustomer, int size, int creatives) {
    this(firstCustomer, -1, new byte[size], new byte[size], filled(size, -1), filledLong(size, -1),
        filled(size * TOUCHES, -1), new int[size * TOUCHES], new byte[size * TOUCHES], new byte[size * TOUCHES],
        new byte[size], filled(size * SLOTS, -1), new byte[size * SLOTS], new byte[size * SLOTS],
        filled(size * SLOTS, NEVER), filled(size * SLOTS, NEVER), new long[creatives]);
  }

  /** Rebuilds a bucket from its arrays, as read from a snapshot. */
  public CustomerBucket(
      int firstCustomer, long tick, byte[] stage, byte[] flags, int[] lastClickAgent,
      long[] lastClickAuction, int[] touchAgent, int[] touchTick, byte[] touchCreative, byte[] touchInfo,
      byte[] touchNext, int[] slotAgent, byte[] slotFrequencyToday, byte[] slotRecent, int[] slotLastImpression,
      int[] slotLastClick, long[] creativeImpressions) {
    this.firstCustomer = firstCustomer;
    this.size = stage.length;
    this.tick = tick;
    this.stage = stage;
    this.flags = flags;
    this.lastClickAgent = lastClickAgent;
    this.lastClickAuction = lastClickAuction;
    this.touchAgent = touchAgent;
    this.touchTick = touchTick;
    this.touchCreative = touchCreative;
    this.touchInfo = touchInfo;
    this.touchNext = touchNext;
    this.slotAgent = slotAgent;
    this.slotFrequencyToday = slotFrequencyToday;
    this.slotRecent = slotRecent;
    this.slotLastImpression = slotLastImpression;
    this.slotLastClick = slotLastClick;
    this.creativeImpressions = creativeImpressions;
    int n = size;
    int t = n * TOUCHES;
    int s = n * SLOTS;
    if (flags.length != n || lastClickAgent.length != n
        || lastClickAuction.length != n || touchAgent.length != t || touchTick.length != t
        || touchCreative.length != t || touchInfo.length != t || touchNext.length != n || slotAgent.length != s
        || slotFrequencyToday.length != s || slotRecent.length != s || slotLastImpression.length != s
        || slotLastClick.length != s) {
      throw new IllegalArgumentException("customer arrays of a bucket differ in length");
    }
  }

  public CustomerBucket copy() {
    return new CustomerBucket(
        firstCustomer, tick, stage.clone(), flags.clone(), lastClickAgent.clone(),
        lastClickAuction.clone(), touchAgent.clone(), touchTick.clone(), touchCreative.clone(), touchInfo.clone(),
        touchNext.clone(), slotAgent.clone(), slotFrequencyToday.clone(), slotRecent.clone(),
        slotLastImpression.clone(), slotLastClick.clone(), creativeImpressions.clone());
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
    return o instanceof CustomerBucket b && firstCustomer == b.firstCustomer && tick == b.tick
        && Arrays.equals(stage, b.stage) && Arrays.equals(flags, b.flags) && Arrays.equals(lastClickAgent, b.lastClickAgent)
        && Arrays.equals(lastClickAuction, b.lastClickAuction) && Arrays.equals(touchAgent, b.touchAgent)
        && Arrays.equals(touchTick, b.touchTick) && Arrays.equals(touchCreative, b.touchCreative)
        && Arrays.equals(touchInfo, b.touchInfo) && Arrays.equals(touchNext, b.touchNext)
        && Arrays.equals(slotAgent, b.slotAgent) && Arrays.equals(slotFrequencyToday, b.slotFrequencyToday)
        && Arrays.equals(slotRecent, b.slotRecent) && Arrays.equals(slotLastImpression, b.slotLastImpression)
        && Arrays.equals(slotLastClick, b.slotLastClick) && Arrays.equals(creativeImpressions, b.creativeImpressions);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(stage) * 31 + Long.hashCode(tick);
  }

  private static int[] filled(int n, int value) {
    int[] a = new int[n];
    Arrays.fill(a, value);
    return a;
  }

  private static long[] filledLong(int n, long value) {
    long[] a = new long[n];
    Arrays.fill(a, value);
    return a;
  }
}
