package org.bidarena.agents.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores the agents' recommendations and picks those to execute this round: priority = score x impact x
 * (1 - risk), highest first, each taken while the risks taken so far stay within the risk budget. One that
 * would overrun the budget is skipped and a later, less risky one may still fit.
 */
public final class DecisionEngine {
  /** What an agent recommends: its kind (reallocate, rotate, promote, ...), the cell, and its three scores. */
  public record Recommendation(String kind, int cell, double score, double impact, double risk, String reason) {
    public Recommendation {
      if (!(score >= 0 && impact >= 0 && risk >= 0 && risk <= 1)) {
        throw new IllegalArgumentException(kind + " for cell " + cell
            + ": score and impact must be 0 or more and risk in [0, 1]");
      }
    }

    public double priority() {
      return score * impact * (1 - risk);
    }
  }

  private DecisionEngine() {}

  /** The recommendations to execute, in priority order (ties: kind, then cell, so the choice is reproducible). */
  public static List<Recommendation> select(List<Recommendation> recommendations, double riskBudget) {
    List<Recommendation> ranked = new ArrayList<>(recommendations);
    ranked.sort(Comparator.comparingDouble(Recommendation::priority).reversed()
        .thenComparing(Recommendation::kind).thenComparingInt(Recommendation::cell));
    List<Recommendation> chosen = new ArrayList<>();
    double risk = 0;
    for (Recommendation r : ranked) {
      // a small tolerance so that risks such as 0.1 + 0.1 fill a budget of 0.2 exactly
      if (risk + r.risk() <= riskBudget + 1e-12) {
        chosen.add(r);
        risk += r.risk();
      }
    }
    return chosen;
  }
}
