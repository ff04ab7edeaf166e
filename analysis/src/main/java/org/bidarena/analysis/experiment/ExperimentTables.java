package org.bidarena.analysis.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bidarena.analysis.stats.PairedComparison;

/** The results as a table for the terminal, as experiment.csv, and every run's figures as runs.csv. */
public final class ExperimentTables {
  private ExperimentTables() {}

  public static final String CSV_HEADER = "arm_a,arm_b,agent,metric,pairs,mean_a,mean_b,diff_b_minus_a,sd_diff,"
      + "bootstrap_low,bootstrap_high,t_low,t_high,verdict";

  /** One line per comparison; the verdict needs both intervals to exclude zero. Empty cells where fewer than 2 pairs. */
  public static String csv(List<ExperimentResults.Row> rows) {
    StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
    for (ExperimentResults.Row r : rows) {
      b.append(r.armA()).append(',').append(r.armB()).append(',').append(r.agent()).append(',')
          .append(r.metric().name()).append(',').append(r.pairs());
      PairedComparison s = r.stats();
      if (s == null) {
        b.append(",,,,,,,,,n/a\n");
        continue;
      }
      for (double v : new double[] {s.meanA(), s.meanB(), s.meanDifference(), s.sdDifference(), s.bootstrap().low(),
          s.bootstrap().high(), s.t().low(), s.t().high()}) {
        b.append(',').append(number(v));
      }
      b.append(',').append(s.verdict().label()).append('\n');
    }
    return b.toString();
  }

  /** Long form, one line per arm, seed, agent and metric: what every mean and difference is computed from. */
  public static String runsCsv(ExperimentPlan plan, Map<String, List<RunValues>> runs) {
    StringBuilder b = new StringBuilder("arm,seed,agent,metric,value,digest\n");
    for (String arm : plan.arms()) {
      for (RunValues run : runs.get(arm)) {
        for (String agent : plan.agents()) {
          for (AgentMetric m : plan.agentMetrics()) {
            double v = run.value(agent, m);
            b.append(arm).append(',').append(run.seed()).append(',').append(agent).append(',').append(m.name())
                .append(',').append(Double.isNaN(v) ? "" : number(v)).append(',').append(run.digest()).append('\n');
          }
        }
      }
    }
    return b.toString();
  }

  /** The terminal table: per comparison, agent and metric, the means, B - A, its 95% interval, the verdict. */
  public static String table(List<ExperimentResults.Row> rows) {
    String format = "%-14s %-20s %5s %14s %14s %14s  %-30s %s%n";
    StringBuilder b = new StringBuilder();
    String comparison = null;
    for (ExperimentResults.Row r : rows) {
      String c = "B = " + r.armB() + "  vs  A = " + r.armA();
      if (!c.equals(comparison)) {
        comparison = c;
        b.append(String.format(Locale.ROOT, "%n%s%n", c));
        b.append(String.format(Locale.ROOT, format, "agent", "metric", "seeds", "mean A", "mean B", "B - A",
            "95% interval (bootstrap)", "verdict"));
      }
      PairedComparison s = r.stats();
      if (s == null) {
        b.append(String.format(Locale.ROOT, format, r.agent(), r.metric().name(), r.pairs(), "n/a", "n/a", "n/a",
            "n/a", "undefined in fewer than 2 seeds"));
        continue;
      }
      b.append(String.format(Locale.ROOT, format, r.agent(), r.metric().name(), r.pairs(), shown(s.meanA()),
          shown(s.meanB()), signed(s.meanDifference()),
          "[" + signed(s.bootstrap().low()) + ", " + signed(s.bootstrap().high()) + "]", s.verdict().label()));
    }
    return b.toString();
  }

  /** Full precision for files: the shortest text that reads back as the same double. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static String shown(double v) {
    return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.1f", v) : String.format(Locale.ROOT, "%.4g", v);
  }

  static String signed(double v) {
    String s = shown(v);
    return v > 0 ? "+" + s : v == 0 ? "0" : s;
  }
}
