package org.bidarena.analysis.metrics;

import org.bidarena.core.customer.ShardOutcomes;

/**
 * The one place the metrics read a journaled {@link ShardOutcomes} row, so that a change of its shape touches
 * this class alone.
 *
 * <p>Model 2.0's journal (OutcomesRecorded v2) carries each purchase's sampled cause, the new-customer flag and
 * the fatigued impressions. A v1 event reads with each purchase caused by its last-click agent, as that model
 * had it, and no new customers; {@link #hasCauses} is false only for outcomes whose cause column is missing
 * (hand-made ones), and their incremental figures are then n/a, never zero.
 */
public final class OutcomeFields {
  /** The row has no attributable click: an organic purchase, or one caused by an ad without a click. */
  public static final int NO_AGENT = -1;
  /** A purchase the sampled cause names no agent for: organic demand. */
  public static final int ORGANIC = ShardOutcomes.ORGANIC;
  /** The outcomes do not say what caused the purchase. */
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
    return (o.kinds()[row] & ShardOutcomes.NEW_CUSTOMER) != 0;
  }

  /** The last-click agent the row is attributed to, or {@link #NO_AGENT}. */
  public static int agent(ShardOutcomes o, int row) {
    return o.agents()[row];
  }

  /** True when the outcomes carry each purchase's sampled cause. */
  public static boolean hasCauses(ShardOutcomes o) {
    return o.causeAgent() != null && o.causeAgent().length == o.rows();
  }

  /** A purchase's sampled cause: an agent index, {@link #ORGANIC}, or {@link #UNKNOWN_CAUSE}. */
  public static int causeAgent(ShardOutcomes o, int row) {
    return hasCauses(o) ? o.causeAgent()[row] : UNKNOWN_CAUSE;
  }

  /** Impressions of the tick shown to a customer fatigued of that agent's ads. */
  public static long fatiguedImpressions(ShardOutcomes o) {
    return o.fatiguedImpressions();
  }

  /** True when the outcomes count fatigued impressions. */
  public static boolean hasFatigue(ShardOutcomes o) {
    return true;
  }
}
