package org.bidarena.agents.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * Each cell's line item: its daily budget, what it spent today, its totals since the run began, its
 * lifecycle status and the creative it shows now. Money in micros. Plain arrays, indexed by cell id.
 */
final class CellLedger {
  static final int ACTIVE = 0;
  static final int PROMOTED = 1;
  static final int KILLED = 2;

  final long[] budget;
  final long[] spentToday;
  final long[] impressions;
  final long[] clicks;
  final long[] conversions;
  final long[] spend;
  final long[] revenue;
  final int[] status;
  final int[] shownCreative;
  final boolean[] flagged;

  /** The campaign's daily budget split evenly, the remainder one micro each to the lowest cell ids. */
  CellLedger(CampaignSpec spec, long campaignBudgetMicros) {
    int n = spec.grid.size();
    budget = new long[n];
    for (int c = 0; c < n; c++) {
      budget[c] = campaignBudgetMicros / n + (c < campaignBudgetMicros % n ? 1 : 0);
    }
    spentToday = new long[n];
    impressions = new long[n];
    clicks = new long[n];
    conversions = new long[n];
    spend = new long[n];
    revenue = new long[n];
    status = new int[n];
    shownCreative = new int[n];
    for (int c = 0; c < n; c++) {
      shownCreative[c] = spec.part(c, 1);
    }
    flagged = new boolean[n];
  }

  int size() {
    return budget.length;
  }

  boolean canBid(int cell) {
    return status[cell] != KILLED && spentToday[cell] < budget[cell];
  }

  CellPerformance performance(int cell) {
    return new CellPerformance(cell, impressions[cell], clicks[cell], conversions[cell], spend[cell], revenue[cell],
        0, 0);
  }

  /** Every cell not killed, in id order. */
  List<Integer> live() {
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < size(); c++) {
      if (status[c] != KILLED) {
        out.add(c);
      }
    }
    return out;
  }

  long totalBudget() {
    long sum = 0;
    for (long b : budget) {
      sum += b;
    }
    return sum;
  }

  void newDay() {
    java.util.Arrays.fill(spentToday, 0);
  }

  void write(StateBuffer out) {
    out.longs(budget).longs(spentToday).longs(impressions).longs(clicks).longs(conversions).longs(spend)
        .longs(revenue).ints(status).ints(shownCreative).booleans(flagged);
  }

  void read(StateBuffer in) {
    in.longs(budget).longs(spentToday).longs(impressions).longs(clicks).longs(conversions).longs(spend)
        .longs(revenue).ints(status).ints(shownCreative).booleans(flagged);
  }
}
