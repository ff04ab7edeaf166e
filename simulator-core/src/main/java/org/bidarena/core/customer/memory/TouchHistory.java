package org.bidarena.core.customer.memory;

import static org.bidarena.core.customer.CustomerBucket.TOUCHES;

import org.bidarena.core.customer.CustomerBucket;

/**
 * A customer's last {@link CustomerBucket#TOUCHES} ad touches, a ring in the bucket's columnar arrays: agent,
 * creative, channel, tick and whether it was clicked. A click is a flag on the touch of its impression, not a
 * touch of its own. Used for the purchase hazard (each touch adds a decaying lift) and so for the causal
 * credit of each purchase, and for multi-touch attribution.
 */
public final class TouchHistory {
  /** The one channel so far: display. */
  public static final int DISPLAY = 0;

  private TouchHistory() {}

  /** Appends a touch, overwriting the oldest when the ring is full; returns its index in the touch arrays. */
  public static int add(CustomerBucket b, int i, int agent, int creative, int channel, int tick) {
    int next = b.touchNext[i];
    int k = i * TOUCHES + next;
    b.touchAgent[k] = agent;
    b.touchCreative[k] = (byte) creative;
    b.touchInfo[k] = (byte) (channel << 1);
    b.touchTick[k] = tick;
    b.touchNext[i] = (byte) ((next + 1) % TOUCHES);
    return k;
  }

  public static void markClicked(CustomerBucket b, int k) {
    b.touchInfo[k] |= CustomerBucket.CLICKED;
  }

  public static boolean clicked(CustomerBucket b, int k) {
    return (b.touchInfo[k] & CustomerBucket.CLICKED) != 0;
  }

  public static int channel(CustomerBucket b, int k) {
    return (b.touchInfo[k] & 0xFF) >>> 1;
  }

  /** The index of row i's j-th touch, oldest first (j in 0..TOUCHES-1); its agent is -1 when empty. */
  public static int ordered(CustomerBucket b, int i, int j) {
    return i * TOUCHES + (b.touchNext[i] + j) % TOUCHES;
  }
}
