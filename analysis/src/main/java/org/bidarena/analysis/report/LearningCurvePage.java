package org.bidarena.analysis.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * Learning curves in reports: a training folder's {@code learning-curve.csv} as a page of its own, and in a
 * run's report a card per agent that plays a trained model whose training folder still holds its curve.
 * Each chart shows reward (profit) and spend per episode; the table beside it the first and last episodes.
 */
public final class LearningCurvePage {
  public static final String CURVE = "learning-curve.csv";

  /** One training's curve: per episode reward, spend, ROAS and win rate. */
  public record Curve(String title, double[] reward, double[] spend, double[] roas, double[] winRate) {}

  private LearningCurvePage() {}

  /** The curve in {@code csv} (a training folder's {@link #CURVE}). */
  public static Curve read(Path csv, String title) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).startsWith("episode,seed,reward,spend,roas,win_rate")) {
      throw new IOException(csv + " is not a learning curve (its header is not that of bidarena train)");
    }
    int n = lines.size() - 1;
    double[] reward = new double[n], spend = new double[n], roas = new double[n], win = new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      reward[i] = Double.parseDouble(f[2]);
      spend[i] = Double.parseDouble(f[3]);
      roas[i] = Double.parseDouble(f[4]);
      win[i] = Double.parseDouble(f[5]);
    }
    return new Curve(title, reward, spend, roas, win);
  }

  /** The curves of the run's agents that play a model (strategy learned) next to its training's curve. */
  public static List<Curve> curvesOf(Scenario scenario) throws IOException {
    List<Curve> out = new ArrayList<>();
    for (AgentSpec a : scenario.agents()) {
      if (a.strategy().equals("learned")) {
        Path csv = Path.of(a.settings().string("model")).toAbsolutePath().getParent().resolve(CURVE);
        if (Files.isRegularFile(csv)) {
          out.add(read(csv, "Learning curve of " + a.id() + " (" + csv.getParent().getFileName() + ")"));
        }
      }
    }
    return out;
  }

  /** Cards and their script, to add to a page that has Chart.js; empty without curves. */
  public static String section(List<Curve> curves) {
    if (curves.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<h2>Learning curves</h2>\n<div class=\"grid\">\n");
    StringBuilder js = new StringBuilder("<script>\n(function(){\n");
    for (int i = 0; i < curves.size(); i++) {
      Curve c = curves.get(i);
      String id = "learning" + i;
      int n = c.reward().length;
      b.append("<div class=\"card\"><h2>").append(HtmlReport.escape(c.title())).append("</h2><p>")
          .append(String.format(Locale.ROOT, "%d episodes; reward (profit) first %.2f, last %.2f, best %.2f;"
              + " mean of the last 10: %.2f.", n, n > 0 ? c.reward()[0] : 0, n > 0 ? c.reward()[n - 1] : 0,
              max(c.reward()), tailMean(c.reward(), 10)))
          .append("</p><canvas id=\"").append(id).append("\" width=\"640\" height=\"300\"></canvas></div>\n");
      js.append("new Chart(document.getElementById('").append(id).append("'), {type: 'line', data: {labels: ")
          .append(labels(n)).append(", datasets: [{label: 'reward (profit)', data: ").append(numbers(c.reward()))
          .append("}, {label: 'spend', data: ").append(numbers(c.spend())).append("}, {label: 'ROAS', data: ")
          .append(numbers(c.roas())).append(", yAxisID: 'y2'}]}, options: {animation: false, scales: {y2: {position:"
              + " 'right'}}}});\n");
    }
    js.append("})();\n</script>\n");
    return b.append("</div>\n").append(js).toString();
  }

  /** A page of its own for a training folder. */
  public static String page(Curve curve) throws IOException {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>BidArena training: "
        + HtmlReport.escape(curve.title()) + "</title>\n<style>body{font-family:sans-serif;margin:16px}"
        + ".grid{display:grid;grid-template-columns:1fr;gap:16px}.card{border:1px solid #ddd;border-radius:6px;"
        + "padding:8px}.card p{font-size:12px;color:#555}canvas{width:100%;height:300px}</style>\n<script>"
        + HtmlReport.chartJs() + "</script>\n</head><body>\n<h1>BidArena training</h1>\n" + section(List.of(curve))
        + "</body></html>\n";
  }

  private static String labels(int n) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 1; i <= n; i++) {
      b.append(i == 1 ? "" : ",").append(i);
    }
    return b.append(']').toString();
  }

  private static String numbers(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", v[i]));
    }
    return b.append(']').toString();
  }

  private static double max(double[] v) {
    double m = v.length == 0 ? 0 : v[0];
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static double tailMean(double[] v, int k) {
    int from = Math.max(0, v.length - k);
    double s = 0;
    for (int i = from; i < v.length; i++) {
      s += v[i];
    }
    return v.length == from ? 0 : s / (v.length - from);
  }
}
