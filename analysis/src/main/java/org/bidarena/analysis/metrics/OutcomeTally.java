package org.bidarena.analysis.metrics;

import java.util.HashMap;
import java.util.Map;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.events.OutcomesRecorded;

/**
 * Sums the customer shards' journaled outcomes into the figures the bidders' settlements lack: new customers,
 * the revenue of the customers each agent acquired (for their lifetime value), incremental (ground-truth)
 * conversions and revenue, and the market's organic and fatigued shares.
 *
 * <p>Every figure is a sum, so the shards may be fed in any interleaving, as long as each shard's own events
 * come in tick order: a customer lives in one shard, and revenue counts toward lifetime value from the
 * purchase that acquired the customer on.
 */
public final class OutcomeTally {
  private final int agents;
  final long[] newCustomers;
  final long[] acquiredRevenue;
  final long[] incrementalConversions;
  final long[] incrementalRevenue;
  final TickOutcomes perTick;
  /** The agent that acquired each customer, by (shard, customer). */
  private final Map<Long, Integer> acquiredBy = new HashMap<>();
  long purchases;
  long purchaseRevenue;
  long organicPurchases;
  long organicRevenue;
  long impressions;
  long fatiguedImpressions;
  private boolean causes = true;
  private boolean fatigue = true;
  private boolean any;

  public OutcomeTally(int agents) {
    this.agents = agents;
    newCustomers = new long[agents];
    acquiredRevenue = new long[agents];
    incrementalConversions = new long[agents];
    incrementalRevenue = new long[agents];
    perTick = new TickOutcomes(agents);
  }

  public void add(OutcomesRecorded event) {
    ShardOutcomes o = event.outcomes();
    any = true;
    causes &= OutcomeFields.hasCauses(o);
    fatigue &= OutcomeFields.hasFatigue(o);
    impressions += o.impressions();
    fatiguedImpressions += OutcomeFields.fatiguedImpressions(o);
    for (int r = 0; r < o.rows(); r++) {
      if (!OutcomeFields.isPurchase(o, r)) {
        continue;
      }
      long revenue = o.revenueMicros()[r];
      purchases++;
      purchaseRevenue = Math.addExact(purchaseRevenue, revenue);
      int agent = OutcomeFields.agent(o, r);
      long customer = ((long) event.shard() << 32) | (o.customers()[r] & 0xFFFF_FFFFL);
      if (OutcomeFields.isNewCustomer(o, r) && agent >= 0) {
        newCustomers[check(agent)]++;
        perTick.add(event.tick(), agent, TickOutcomes.NEW_CUSTOMERS, 1);
        acquiredBy.put(customer, agent);
      }
      Integer acquirer = acquiredBy.get(customer);
      if (acquirer != null) {
        acquiredRevenue[acquirer] = Math.addExact(acquiredRevenue[acquirer], revenue);
      }
      int cause = OutcomeFields.causeAgent(o, r);
      if (cause >= 0) {
        incrementalConversions[check(cause)]++;
        incrementalRevenue[cause] = Math.addExact(incrementalRevenue[cause], revenue);
        perTick.add(event.tick(), cause, TickOutcomes.INCREMENTAL_CONVERSIONS, 1);
        perTick.add(event.tick(), cause, TickOutcomes.INCREMENTAL_REVENUE, revenue);
      } else if (cause == OutcomeFields.ORGANIC) {
        organicPurchases++;
        organicRevenue = Math.addExact(organicRevenue, revenue);
      }
    }
  }

  private int check(int agent) {
    if (agent >= agents) {
      throw new IllegalStateException("the journal credits agent " + agent + ", which the scenario lacks");
    }
    return agent;
  }

  /** True when every outcome read carried each purchase's sampled cause (and some were read). */
  boolean causes() {
    return any && causes;
  }

  /** True when every outcome read counted fatigued impressions (and some were read). */
  boolean fatigue() {
    return any && fatigue;
  }
}
