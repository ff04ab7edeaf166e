package org.bidarena.analysis.report;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.analysis.attribution.AttributionModel;
import org.bidarena.analysis.attribution.Credits;
import org.bidarena.analysis.attribution.Dimension;
import org.bidarena.analysis.attribution.Journeys;
import org.bidarena.analysis.attribution.Keys;
import org.bidarena.analysis.attribution.Models;
import org.bidarena.analysis.attribution.RunTouches;
import org.bidarena.analysis.attribution.TouchLog;
import org.bidarena.analysis.journal.RecordedRun;

/**
 * The report's attribution chart: per agent, the share of its credit that the ground truth, the run's last click
 * and each default model give it. Shares rather than counts, because the truth credits ads with a few percent of
 * the purchases while the rule-based models hand out every touched one; the counts are {@code bidarena attribute}'s.
 * A model that cannot run on this run (too many agents for a Markov chain) is left out, and so is one that gives an
 * agent negative credit (Shapley by rate can), whose shares are no shares; beyond 15 agents so are markov2 and
 * Shapley, to keep the report quick.
 */
public final class AttributionChart {
  /** Series names, and per series the share of credit (%) of each agent. */
  public record Data(List<String> keys, List<String> series, double[][] sharePercent) {}

  /** Beyond this many agents the chart keeps the rule-based models and markov1: the others cost too much. */
  private static final int EXACT_KEYS = 15;

  private AttributionChart() {}

  public static Data of(RecordedRun run) {
    TouchLog log = RunTouches.log(run.scenario(), run.auctions(), run.outcomes());
    Keys keys = RunTouches.keys(run.scenario(), Dimension.AGENT, log);
    RunTouches touches = RunTouches.of(run.scenario(), run.auctions(), run.outcomes(), log, keys);
    Journeys journeys = Journeys.of(log, keys, Journeys.SINCE_PREVIOUS_CONVERSION);
    List<Credits> credits = new ArrayList<>(List.of(touches.truth(), touches.lastClick()));
    for (String name : Models.DEFAULT) {
      boolean costly = name.startsWith("shapley") || (name.startsWith("markov") && !name.equals("markov1"));
      if (costly && keys.size() > EXACT_KEYS) {
        continue;
      }
      AttributionModel model = Models.byName(name, run.scenario().ticksPerDay());
      try {
        Credits c = model.attribute(journeys);
        if (java.util.Arrays.stream(c.conversions()).allMatch(v -> v >= 0)) {
          credits.add(c);
        }
      } catch (IllegalArgumentException tooLarge) {
        // left out of the chart, as the class comment says
      }
    }
    List<String> series = new ArrayList<>();
    double[][] shares = new double[credits.size()][];
    for (int s = 0; s < credits.size(); s++) {
      Credits c = credits.get(s);
      series.add(c.model());
      double total = c.totalConversions();
      shares[s] = new double[keys.size()];
      for (int k = 0; k < keys.size(); k++) {
        shares[s][k] = total == 0 ? 0 : 100 * c.conversions()[k] / total;
      }
    }
    return new Data(keys.names(), series, shares);
  }
}
