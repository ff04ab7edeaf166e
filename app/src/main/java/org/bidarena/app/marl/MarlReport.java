package org.bidarena.app.marl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.bidarena.analysis.stats.Bootstrap;
import org.bidarena.analysis.stats.Interval;
import org.bidarena.analysis.stats.PairedComparison;
import org.bidarena.analysis.stats.Sample;
import org.bidarena.analysis.stats.TInterval;
import org.bidarena.analysis.stats.Verdict;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.training.marl.ClusterOutcome;
import org.bidarena.training.marl.MarlSettings;
import org.bidarena.training.marl.MarlTrainer;

/**
 * The files of a multi-agent sweep: every run's figures, their means with 95% t intervals over the seeds,
 * the paired comparisons that answer the questions (is cooperation's total above competition's, does
 * the exchange lose with alpha, what the reserve changes), a Markdown report and an SVG chart.
 */
final class MarlReport {
  static final String MARKET = "market.csv";
  static final String REPORT = "report.md";

  /** A figure of one run: its scope (an agent, the advertisers' total, the exchange), name and value. */
  private record Figure(String scope, String name, Verdict.Direction direction, ToDoubleFunction<ClusterOutcome> value) {}

  private final String scenarioFile;
  private final Scenario scenario;
  private final List<MarlSettings> settings;
  private final List<MarlTrainer.Result[]> results;
  private final double seconds;
  private final List<Figure> figures = new ArrayList<>();
  private final Bootstrap bootstrap = Bootstrap.defaults();

  MarlReport(String scenarioFile, Scenario scenario, List<MarlSettings> settings, List<MarlTrainer.Result[]> results,
      double seconds) {
    this.scenarioFile = scenarioFile;
    this.scenario = scenario;
    this.settings = settings;
    this.results = results;
    this.seconds = seconds;
    int k = results.get(0)[0].evaluation().clusters();
    var up = Verdict.Direction.HIGHER_IS_BETTER;
    var neutral = Verdict.Direction.NEUTRAL;
    for (int i = 0; i < k; i++) {
      int c = i;
      String scope = "agent-" + i;
      figures.add(new Figure(scope, "revenue", up, o -> o.revenue(c)));
      figures.add(new Figure(scope, "cost", neutral, o -> o.cost(c)));
      figures.add(new Figure(scope, "roi", up, o -> o.roi(c)));
      figures.add(new Figure(scope, "profit", up, o -> o.profit(c)));
    }
    figures.add(new Figure("advertisers", "revenue", up, ClusterOutcome::totalRevenue));
    figures.add(new Figure("advertisers", "cost", neutral, ClusterOutcome::totalCost));
    figures.add(new Figure("advertisers", "roi", up, ClusterOutcome::totalRoi));
    figures.add(new Figure("advertisers", "profit", up, ClusterOutcome::totalProfit));
    figures.add(new Figure("exchange", "revenue", up, ClusterOutcome::exchangeRevenue));
    figures.add(new Figure("exchange", "mean-price-cpm", neutral, ClusterOutcome::meanPriceCpm));
    figures.add(new Figure("platform", "welfare", up, ClusterOutcome::welfare));
  }

  private double[] values(int setting, Figure f) {
    MarlTrainer.Result[] r = results.get(setting);
    double[] v = new double[r.length];
    for (int j = 0; j < r.length; j++) {
      v[j] = f.value().applyAsDouble(r[j].evaluation());
    }
    return v;
  }

  private int index(String name) {
    for (int i = 0; i < settings.size(); i++) {
      if (settings.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private Figure figure(String scope, String name) {
    return figures.stream().filter(f -> f.scope().equals(scope) && f.name().equals(name)).findFirst().orElseThrow();
  }

  /** Mean and 95% t interval over the seeds where the figure is defined; null when fewer than 2 are. */
  private static double[] meanInterval(double[] v) {
    double[] d = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
    if (d.length < 2) {
      return null;
    }
    Interval t = TInterval.of(d, PairedComparison.CONFIDENCE);
    return new double[] {Sample.mean(d), t.low(), t.high()};
  }

  private PairedComparison compare(int a, int b, Figure f) {
    double[] x = values(a, f);
    double[] y = values(b, f);
    List<double[]> pairs = new ArrayList<>();
    for (int j = 0; j < x.length; j++) {
      if (!Double.isNaN(x[j]) && !Double.isNaN(y[j])) {
        pairs.add(new double[] {x[j], y[j]});
      }
    }
    if (pairs.size() < 2) {
      return null;
    }
    return PairedComparison.of(pairs.stream().mapToDouble(p -> p[0]).toArray(),
        pairs.stream().mapToDouble(p -> p[1]).toArray(), bootstrap, f.direction());
  }

  /** The pairs (A, B) the report compares. */
  private Map<String, String> comparisons() {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> pairs = new ArrayList<>();
    String zero = "dcmab-0";
    for (MarlSettings s : settings) {
      if (s.algorithm() == MarlSettings.Algorithm.DCMAB && !s.adaptiveReserve() && s.alpha() > 0) {
        pairs.add(zero + ">" + s.name());
      }
    }
    for (String b : List.of("ddpg", zero, "dcmab-1")) {
      pairs.add("base>" + b);
    }
    pairs.add("ddpg>" + zero);
    pairs.add("ddpg>dcmab-1");
    pairs.add("base>base+reserve");
    pairs.add(zero + ">" + zero + "+reserve");
    pairs.add("dcmab-1>dcmab-1+reserve");
    for (String p : pairs) {
      String[] ab = p.split(">");
      if (index(ab[0]) >= 0 && index(ab[1]) >= 0 && !m.containsKey(p)) {
        m.put(p, p);
      }
    }
    return m;
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("policies"));
    StringBuilder runs = new StringBuilder("setting,algorithm,alpha,adaptive_reserve,seed,agent,revenue,cost,roi,profit\n");
    StringBuilder market = new StringBuilder("setting,algorithm,alpha,adaptive_reserve,seed,advertiser_revenue,"
        + "advertiser_cost,advertiser_roi,advertiser_profit,exchange_revenue,welfare,impressions_sold,auctions,"
        + "mean_price_cpm,mean_reserve_cpm\n");
    StringBuilder curves = new StringBuilder("setting,seed,episode,mean_reward\n");
    for (int i = 0; i < settings.size(); i++) {
      MarlSettings s = settings.get(i);
      String head = String.format(Locale.ROOT, "%s,%s,%s,%s", s.name(), s.algorithm().key(), s.alpha(), s.adaptiveReserve());
      for (MarlTrainer.Result r : results.get(i)) {
        ClusterOutcome o = r.evaluation();
        for (int k = 0; k < o.clusters(); k++) {
          runs.append(String.format(Locale.ROOT, "%s,%d,agent-%d,%.6f,%.6f,%s,%.6f%n", head, r.seed(), k, o.revenue(k),
              o.cost(k), num(o.roi(k)), o.profit(k)));
        }
        market.append(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%s,%.6f,%.6f,%.6f,%d,%d,%.6f,%s%n", head, r.seed(),
            o.totalRevenue(), o.totalCost(), num(o.totalRoi()), o.totalProfit(), o.exchangeRevenue(), o.welfare(),
            o.impressionsSold(), o.auctions(), o.meanPriceCpm(),
            o.meanReserveMicros() < 0 ? "" : String.format(Locale.ROOT, "%.6f", o.meanReserveMicros() / 1000)));
        for (int e = 0; e < r.episodeReward().length; e++) {
          curves.append(String.format(Locale.ROOT, "%s,%d,%d,%.6f%n", s.name(), r.seed(), e + 1, r.episodeReward()[e]));
        }
        if (r.policy() != null) {
          Path p = dir.resolve("policies").resolve(s.name());
          Files.createDirectories(p);
          r.policy().write(p.resolve("seed-" + r.seed() + ".txt"));
        }
      }
    }
    StringBuilder summary = new StringBuilder("setting,scope,figure,seeds,mean,t_low,t_high\n");
    for (int i = 0; i < settings.size(); i++) {
      for (Figure f : figures) {
        double[] m = meanInterval(values(i, f));
        if (m != null) {
          summary.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.6f,%.6f,%.6f%n", settings.get(i).name(), f.scope(),
              f.name(), results.get(i).length, m[0], m[1], m[2]));
        }
      }
    }
    StringBuilder comp = new StringBuilder("arm_a,arm_b,scope,figure,pairs,mean_a,mean_b,diff_b_minus_a,sd_diff,"
        + "bootstrap_low,bootstrap_high,t_low,t_high,verdict\n");
    for (String p : comparisons().keySet()) {
      String[] ab = p.split(">");
      for (Figure f : figures) {
        PairedComparison c = compare(index(ab[0]), index(ab[1]), f);
        if (c != null) {
          comp.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%s%n", ab[0], ab[1],
              f.scope(), f.name(), c.n(), c.meanA(), c.meanB(), c.meanDifference(), c.sdDifference(), c.bootstrap().low(),
              c.bootstrap().high(), c.t().low(), c.t().high(), c.verdict().label()));
        }
      }
    }
    Files.writeString(dir.resolve("runs.csv"), runs, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("curves.csv"), curves, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("summary.csv"), summary, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("comparisons.csv"), comp, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("chart.svg"), chart(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(REPORT), markdown(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(MARKET), market, StandardCharsets.UTF_8);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
  }

  private String cell(int setting, Figure f, String format) {
    double[] m = meanInterval(values(setting, f));
    if (m == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", m[0], m[1], m[2]);
  }

  private String markdown() {
    StringBuilder b = new StringBuilder();
    int n = results.get(0).length;
    b.append(String.format(Locale.ROOT, "# Multi-agent sweep: %s%n%n%d advertisers, %d settings x %d seeds (%d..%d), "
            + "%d ticks a run, wall time %.0f s. Means over the seeds with 95%% t intervals; money in currency units; "
            + "ROI = revenue / cost; profit = revenue x margin - cost; welfare = advertisers' profit + exchange revenue.%n%n",
        scenarioFile, scenario.agentCount(), settings.size(), n, results.get(0)[0].seed(), results.get(0)[n - 1].seed(),
        scenario.totalTicks(), seconds));
    b.append("| setting | adv. revenue | adv. cost | adv. ROI | adv. profit | exchange revenue | welfare | mean price (CPM) |\n");
    b.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (int i = 0; i < settings.size(); i++) {
      b.append("| ").append(settings.get(i).name());
      for (String[] f : List.of(new String[] {"advertisers", "revenue", "%.2f"}, new String[] {"advertisers", "cost", "%.2f"},
          new String[] {"advertisers", "roi", "%.3f"}, new String[] {"advertisers", "profit", "%.2f"},
          new String[] {"exchange", "revenue", "%.2f"}, new String[] {"platform", "welfare", "%.2f"},
          new String[] {"exchange", "mean-price-cpm", "%.3f"})) {
        b.append(" | ").append(cell(i, figure(f[0], f[1]), f[2]));
      }
      b.append(" |\n");
    }
    int k = results.get(0)[0].evaluation().clusters();
    for (String name : List.of("profit", "roi")) {
      b.append(String.format(Locale.ROOT, "%nPer agent (advertiser cluster): %s%n%n| setting |", name));
      for (int c = 0; c < k; c++) {
        b.append(" agent ").append(c).append(" |");
      }
      b.append("\n| --- |").append(" ---: |".repeat(k)).append('\n');
      for (int i = 0; i < settings.size(); i++) {
        b.append("| ").append(settings.get(i).name());
        for (int c = 0; c < k; c++) {
          b.append(" | ").append(cell(i, figure("agent-" + c, name), name.equals("roi") ? "%.3f" : "%.2f"));
        }
        b.append(" |\n");
      }
    }
    b.append("\nPaired differences B - A over the same seeds (95% intervals: percentile bootstrap, Student's t)\n\n");
    b.append("| A | B | figure | mean A | mean B | B - A | bootstrap | t | verdict |\n");
    b.append("| --- | --- | --- | ---: | ---: | ---: | --- | --- | --- |\n");
    for (String p : comparisons().keySet()) {
      String[] ab = p.split(">");
      for (String[] f : List.of(new String[] {"advertisers", "profit"}, new String[] {"advertisers", "roi"},
          new String[] {"exchange", "revenue"}, new String[] {"platform", "welfare"})) {
        PairedComparison c = compare(index(ab[0]), index(ab[1]), figure(f[0], f[1]));
        if (c != null) {
          b.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %.3f | %.3f | %+.3f | [%+.3f, %+.3f] | [%+.3f, %+.3f] | %s |%n",
              ab[0], ab[1], f[0], f[1], c.meanA(), c.meanB(), c.meanDifference(), c.bootstrap().low(),
              c.bootstrap().high(), c.t().low(), c.t().high(), c.verdict().label()));
        }
      }
    }
    return b.toString();
  }

  /** Advertisers' total profit and the exchange's revenue against alpha (dcmab without reserve), with intervals. */
  private String chart() {
    List<Integer> sweep = new ArrayList<>();
    for (int i = 0; i < settings.size(); i++) {
      MarlSettings s = settings.get(i);
      if (s.algorithm() == MarlSettings.Algorithm.DCMAB && !s.adaptiveReserve()) {
        sweep.add(i);
      }
    }
    String[][] series = {{"advertisers", "profit", "#1f77b4"}, {"exchange", "revenue", "#d62728"},
        {"platform", "welfare", "#2ca02c"}};
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    List<double[][]> pts = new ArrayList<>();
    for (String[] s : series) {
      double[][] p = new double[sweep.size()][];
      for (int j = 0; j < sweep.size(); j++) {
        double[] m = meanInterval(values(sweep.get(j), figure(s[0], s[1])));
        p[j] = m == null ? new double[] {0, 0, 0} : m;
        lo = Math.min(lo, p[j][1]);
        hi = Math.max(hi, p[j][2]);
      }
      pts.add(p);
    }
    if (sweep.isEmpty()) {
      lo = 0;
      hi = 1;
    }
    lo = Math.min(lo, 0);
    double span = hi - lo <= 0 ? 1 : hi - lo;
    int w = 560;
    int h = 320;
    int left = 60;
    int bottom = 280;
    int top = 20;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n", w, h));
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", left, bottom, w - 20, bottom));
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", left, top, left, bottom));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">alpha (dcmab reward mixing); means with 95%% t intervals</text>%n", left + 80, h - 8));
    for (int t = 0; t <= 4; t++) {
      double v = lo + span * t / 4;
      double y = bottom - (bottom - top) * (v - lo) / span;
      b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%.1f\">%.2f</text>%n", y + 4, v));
    }
    double zeroY = bottom - (bottom - top) * (0 - lo) / span;
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"3\"/>%n", left, zeroY, w - 20, zeroY));
    for (int si = 0; si < series.length; si++) {
      double[][] p = pts.get(si);
      StringBuilder path = new StringBuilder();
      for (int j = 0; j < p.length; j++) {
        double alpha = settings.get(sweep.get(j)).alpha();
        double x = left + 20 + (w - left - 60) * alpha;
        double y = bottom - (bottom - top) * (p[j][0] - lo) / span;
        double y1 = bottom - (bottom - top) * (p[j][1] - lo) / span;
        double y2 = bottom - (bottom - top) * (p[j][2] - lo) / span;
        path.append(j == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", x, y1, x, y2, series[si][2]));
        if (si == 0) {
          b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", x - 8, bottom + 14, MarlCommand.alphaText(alpha)));
        }
      }
      b.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, series[si][2]));
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s %s</text>%n", w - 170, top + 14 * (si + 1),
          series[si][2], series[si][0], series[si][1]));
    }
    return b.append("</svg>\n").toString();
  }
}
