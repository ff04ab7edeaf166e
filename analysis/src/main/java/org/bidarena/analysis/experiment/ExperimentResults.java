package org.bidarena.analysis.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.stats.Bootstrap;
import org.bidarena.analysis.stats.PairedComparison;

/**
 * The comparisons of an experiment: for every arm after the first (B) against the first (A), every agent and
 * every metric, the paired comparison over the seeds where both runs define the figure.
 */
public final class ExperimentResults {
  /** One line of the results; {@code stats} is null when fewer than 2 seeds define the figure in both arms. */
  public record Row(String armA, String armB, String agent, AgentMetric metric, int pairs, PairedComparison stats) {}

  private ExperimentResults() {}

  /**
   * Compares the arms. {@code runs} holds, per arm, the runs in the plan's seed order; each run must be of
   * its seed, which is what makes the comparison paired.
   */
  public static List<Row> compare(ExperimentPlan plan, Map<String, List<RunValues>> runs) {
    for (String arm : plan.arms()) {
      List<RunValues> list = runs.get(arm);
      if (list == null || list.size() != plan.seeds().size()) {
        throw new BadInput("arm " + arm + " has " + (list == null ? 0 : list.size()) + " finished runs, the plan has "
            + plan.seeds().size() + " seeds");
      }
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).seed() != plan.seeds().get(i)) {
          throw new BadInput("arm " + arm + ": the run of seed " + plan.seeds().get(i) + " reports seed "
              + list.get(i).seed() + " in its summary.json; the pairing would be wrong");
        }
      }
    }
    Bootstrap bootstrap = new Bootstrap(plan.resamples(), plan.bootstrapSeed());
    String base = plan.arms().get(0);
    List<Row> rows = new ArrayList<>();
    for (String arm : plan.arms().subList(1, plan.arms().size())) {
      for (String agent : plan.agents()) {
        for (AgentMetric metric : plan.agentMetrics()) {
          rows.add(row(base, arm, agent, metric, runs.get(base), runs.get(arm), bootstrap));
        }
      }
    }
    return rows;
  }

  private static Row row(String armA, String armB, String agent, AgentMetric metric, List<RunValues> a,
      List<RunValues> b, Bootstrap bootstrap) {
    double[] xs = new double[a.size()];
    double[] ys = new double[a.size()];
    int n = 0;
    for (int i = 0; i < a.size(); i++) {
      double x = a.get(i).value(agent, metric);
      double y = b.get(i).value(agent, metric);
      // A seed whose figure is undefined in either arm (a ratio over zero) drops out of this pair only.
      if (!Double.isNaN(x) && !Double.isNaN(y)) {
        xs[n] = x;
        ys[n] = y;
        n++;
      }
    }
    PairedComparison stats = n < 2 ? null : PairedComparison.of(java.util.Arrays.copyOf(xs, n),
        java.util.Arrays.copyOf(ys, n), bootstrap, metric.direction());
    return new Row(armA, armB, agent, metric, n, stats);
  }
}
