package org.bidarena.core.customer.demand;

import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.random.SeededStreams.Stream;

/**
 * Splits a purchase between organic demand and the touches before it, and draws its realized cause.
 *
 * <p>Touch k's expected share is {@code floor(1,000,000 x term_k / total)} ppm; organic gets the rest, so the
 * shares of a purchase always sum to exactly 1,000,000. The cause is drawn with those very shares: a uniform
 * integer u below 1,000,000 from the {@link #CAUSE} stream at (customer, tick) picks the touch whose ppm
 * interval holds it, in ring order oldest first, or organic when u is past them all. So the count of purchases
 * an agent caused is an unbiased estimate of the sum of its expected shares.
 */
public final class CausalCredit {
  public static final Stream CAUSE = Stream.register("purchase-cause", 0x3006);

  private CausalCredit() {}

  /** Fills ppm[j] with touch j's share; returns the organic share. */
  public static int shares(double total, double[] terms, int[] ppm) {
    int sum = 0;
    for (int j = 0; j < terms.length; j++) {
      int share = total > 0 ? (int) Math.floor(ShardOutcomes.PPM * (terms[j] / total)) : 0;
      ppm[j] = share;
      sum += share;
    }
    return ShardOutcomes.PPM - sum;
  }

  /** The index of the causing touch, or -1 for organic. */
  public static int cause(SeededStreams streams, long customer, long tick, int[] ppm) {
    int u = SeededStreams.below(streams.bits(CAUSE, customer, tick), ShardOutcomes.PPM);
    int acc = 0;
    for (int j = 0; j < ppm.length; j++) {
      acc += ppm[j];
      if (u < acc) {
        return j;
      }
    }
    return -1;
  }
}
