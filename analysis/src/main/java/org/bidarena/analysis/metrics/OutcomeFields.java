package org.bidarena.analysis.metrics;

import org.bidarena.core.customer.ShardOutcomes;

/**
 * The one place the metrics read a journaled {@link ShardOutcomes} row, so that a change of its shape (Model
 * 2.0's causal ground truth, int agent indices) touches this class alone.
 *
 * <p>Until the customer model journals a purchase's sampled cause, {@link #causeAgent} answers
 * {@link #UNKNOWN_CAUSE} and {@link #hasCauses} is false: the incremental figures and the organic share are then
 * reported as n/a, never as zero.
 */
public final class OutcomeFields {
  /** The row has no attributable click: an organic purchase, or one caused by an ad without a click. */
  public static final int NO_AGENT = -1;
  /** A purchase the sampled cause names no agent for: organic demand. */
  public static final int ORGANIC = -1;
  /** The journal does not say what caused the purchase (a journal from before Model 2.0). */
  public static final int UNKNOWN_CAUSE = -3;

  private OutcomeFields() {}

  public static boolean isClick(ShardOutcomes o, int row) {
    return (o.kinds()[row] & ShardOutcomes.CLICK) != 0;
  }

  public static boolean isPurchase(ShardOutcomes o, int row) {
    return (o.kinds()[row] & ShardOutcomes.PURCHASE) != 0;
  }

  /** A purchase that is the customer's first, by a customer who was not one before the run. */
  public static boolean isNewCustomer(ShardOutcomes o, int row) {
    return false;
  }

  /** The last-click agent the row is attributed to, or {@link #NO_AGENT}. */
  public static int agent(ShardOutcomes o, int row) {
    return o.agents()[row];
  }

  /** True when the journal carries each purchase's sampled cause. */
  public static boolean hasCauses(ShardOutcomes o) {
    return false;
  }

  /** A purchase's sampled cause: an agent index, {@link #ORGANIC}, or {@link #UNKNOWN_CAUSE}. */
  public static int causeAgent(ShardOutcomes o, int row) {
    return UNKNOWN_CAUSE;
  }

  /** Impressions of the tick that met a customer fatigued by the agent; 0 before the journal carries it. */
  public static long fatiguedImpressions(ShardOutcomes o) {
    return 0;
  }

  /** True when the journal counts fatigued impressions. */
  public static boolean hasFatigue(ShardOutcomes o) {
    return false;
  }
}
