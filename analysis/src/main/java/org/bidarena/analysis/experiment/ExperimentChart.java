package org.bidarena.analysis.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bidarena.analysis.stats.PairedComparison;
import org.bidarena.analysis.stats.Verdict;

/**
 * experiment.html: per metric, one row per agent (and arm B) with the difference B - A as a dot and its 95%
 * bootstrap interval as a bar, against a zero line. Plain inline SVG: the page loads nothing from anywhere.
 */
public final class ExperimentChart {
  private static final int WIDTH = 760;
  private static final int LABEL = 230;
  private static final int ROW = 26;
  private static final int PLOT = WIDTH - LABEL - 30;

  private ExperimentChart() {}

  public static String html(String title, List<ExperimentResults.Row> rows) {
    Map<String, List<ExperimentResults.Row>> byMetric = new LinkedHashMap<>();
    for (ExperimentResults.Row r : rows) {
      byMetric.computeIfAbsent(r.metric().name(), k -> new java.util.ArrayList<>()).add(r);
    }
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append("</title>\n<style>body{font-family:sans-serif;margin:24px;color:#222}h2{font-size:16px;margin:24px 0 4px}"
            + "text{font-size:12px}.note{color:#555;font-size:13px}table{border-collapse:collapse;font-size:12px}"
            + "td,th{border:1px solid #ddd;padding:2px 6px;text-align:right}</style></head><body>\n");
    b.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"note\">Each bar is the 95% interval of the mean"
        + " difference B &minus; A over the paired seeds (percentile bootstrap), the dot its mean. A difference is called"
        + " only when this interval and Student's t interval both exclude zero. Green: B better; red: A better; blue:"
        + " a difference where neither direction is better; grey: no difference at 95%.</p>\n");
    for (Map.Entry<String, List<ExperimentResults.Row>> e : byMetric.entrySet()) {
      b.append("<h2>").append(escape(e.getKey())).append(" (B &minus; A)</h2>\n");
      b.append(svg(e.getValue()));
      b.append(table(e.getValue()));
    }
    b.append("</body></html>\n");
    return b.toString();
  }

  private static String svg(List<ExperimentResults.Row> rows) {
    double lo = 0;
    double hi = 0;
    for (ExperimentResults.Row r : rows) {
      if (r.stats() != null) {
        lo = Math.min(lo, r.stats().bootstrap().low());
        hi = Math.max(hi, r.stats().bootstrap().high());
      }
    }
    if (hi - lo == 0) {
      lo = -1;
      hi = 1;
    }
    double pad = (hi - lo) * 0.05;
    double min = lo - pad;
    double max = hi + pad;
    int height = ROW * rows.size() + 30;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">%n", WIDTH,
        height));
    double zero = x(0, min, max);
    b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"3,3\"/>%n",
        zero, zero, height - 20));
    b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"start\">%s</text>%n", (double) LABEL,
        height - 5, escape(ExperimentTables.shown(min))));
    if (zero - LABEL > 40 && LABEL + PLOT - zero > 40) {
      // Not when it would overprint the end labels.
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">0</text>%n", zero, height - 5));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL + PLOT,
        height - 5, escape(ExperimentTables.shown(max))));
    for (int i = 0; i < rows.size(); i++) {
      ExperimentResults.Row r = rows.get(i);
      int y = ROW * i + ROW / 2 + 4;
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL - 8, y + 4,
          escape(r.agent() + "  (" + r.armB() + " vs " + r.armA() + ")")));
      PairedComparison s = r.stats();
      if (s == null) {
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">n/a: undefined in fewer than 2 seeds</text>%n",
            LABEL, y + 4));
        continue;
      }
      String color = color(s.verdict());
      b.append(String.format(Locale.ROOT, "<g><title>%s</title>", escape(String.format(Locale.ROOT,
          "%s %s: mean A %s, mean B %s, B - A %s, 95%% [%s, %s] (t: [%s, %s]), %d seeds, %s", r.agent(),
          r.metric().name(), ExperimentTables.shown(s.meanA()), ExperimentTables.shown(s.meanB()),
          ExperimentTables.signed(s.meanDifference()), ExperimentTables.signed(s.bootstrap().low()),
          ExperimentTables.signed(s.bootstrap().high()), ExperimentTables.signed(s.t().low()),
          ExperimentTables.signed(s.t().high()), r.pairs(), s.verdict().label()))));
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"4\"/>",
          x(s.bootstrap().low(), min, max), y, x(s.bootstrap().high(), min, max), y, color));
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"5\" fill=\"%s\"/></g>%n",
          x(s.meanDifference(), min, max), y, color));
    }
    b.append("</svg>\n");
    return b.toString();
  }

  /** The figures under the chart, for reading and copying. */
  private static String table(List<ExperimentResults.Row> rows) {
    StringBuilder b = new StringBuilder("<table><tr><th>agent</th><th>B vs A</th><th>seeds</th><th>mean A</th>"
        + "<th>mean B</th><th>B &minus; A</th><th>95% bootstrap</th><th>95% t</th><th>verdict</th></tr>\n");
    for (ExperimentResults.Row r : rows) {
      PairedComparison s = r.stats();
      b.append("<tr><td>").append(escape(r.agent())).append("</td><td>").append(escape(r.armB() + " vs " + r.armA()))
          .append("</td><td>").append(r.pairs()).append("</td>");
      if (s == null) {
        b.append("<td colspan=\"6\">n/a: undefined in fewer than 2 seeds</td></tr>\n");
        continue;
      }
      b.append("<td>").append(ExperimentTables.shown(s.meanA())).append("</td><td>")
          .append(ExperimentTables.shown(s.meanB())).append("</td><td>").append(ExperimentTables.signed(s.meanDifference()))
          .append("</td><td>[").append(ExperimentTables.signed(s.bootstrap().low())).append(", ")
          .append(ExperimentTables.signed(s.bootstrap().high())).append("]</td><td>[")
          .append(ExperimentTables.signed(s.t().low())).append(", ").append(ExperimentTables.signed(s.t().high()))
          .append("]</td><td>").append(escape(s.verdict().label())).append("</td></tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  private static double x(double v, double min, double max) {
    return LABEL + (v - min) / (max - min) * PLOT;
  }

  private static String color(Verdict v) {
    return switch (v) {
      case B_BETTER -> "#2a9d4a";
      case A_BETTER -> "#d33f3f";
      case A_HIGHER, B_HIGHER -> "#3b6fd3";
      case NO_DIFFERENCE -> "#888";
    };
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
