package org.bidarena.agents.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The budget agent's rule: rank the active cells by ROAS; the bottom share of them each lose a fraction of
 * their budget, and the top share split what was cut equally. Money is whole micro-units and the total is
 * kept exactly: the remainder of the split goes one micro at a time to the best cells first.
 */
public final class BudgetReallocation {
  /** One cell's budget before and after. */
  public record Move(int cell, long beforeMicros, long afterMicros, double roas) {
    public long deltaMicros() {
      return afterMicros - beforeMicros;
    }
  }

  private BudgetReallocation() {}

  /**
   * The moves for {@code cells} with their current budgets ({@code budgets[i]} for {@code cells.get(i)});
   * cells that neither lose nor gain are left out. Ties in ROAS rank the lower cell id first, so the result
   * does not depend on the order the cells are given in.
   */
  public static List<Move> apply(List<CellPerformance> cells, long[] budgets, CampaignRules rules) {
    if (budgets.length != cells.size()) {
      throw new IllegalArgumentException(cells.size() + " cells but " + budgets.length + " budgets");
    }
    Integer[] order = new Integer[cells.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -cells.get(i).roas())
        .thenComparingInt(i -> cells.get(i).cell()));
    int group = (int) Math.floor(cells.size() * rules.reallocationShare());
    if (group == 0) {
      return List.of();
    }
    long[] after = budgets.clone();
    long pool = 0;
    for (int r = cells.size() - group; r < cells.size(); r++) {
      int i = order[r];
      long cut = (long) Math.floor(budgets[i] * rules.reallocationCut());
      after[i] -= cut;
      pool += cut;
    }
    for (int r = 0; r < group; r++) {
      int i = order[r];
      after[i] += pool / group + (r < pool % group ? 1 : 0);
    }
    List<Move> moves = new ArrayList<>();
    for (int r = 0; r < cells.size(); r++) {
      int i = order[r];
      if (after[i] != budgets[i]) {
        moves.add(new Move(cells.get(i).cell(), budgets[i], after[i], cells.get(i).roas()));
      }
    }
    return moves;
  }
}
