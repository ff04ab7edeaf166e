package org.bidarena.analysis.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.metrics.AgentMetrics;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AuctionsCleared;

/**
 * A recorded run as one self-contained HTML page of charts. Chart.js comes from its WebJar and is inlined,
 * so the page needs no network. After drawing, the page writes into {@code <pre id="status">} whether
 * each canvas holds any drawn pixel and any script error, so a headless browser can check it.
 */
public final class HtmlReport {
  /** The UMD build in the chart.js WebJar; the version is the one app/pom.xml depends on. */
  public static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
  public static final List<String> CHARTS =
      List.of("roas", "revenueSpend", "comparison", "heatmap", "funnel", "prices", "pacing", "attribution");
  private static final long PRICE_BUCKET_MICROS = 250;

  private HtmlReport() {}

  public static String render(RecordedRun run) throws IOException {
    Scenario scenario = run.scenario();
    String data = data(run);
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        + "<title>BidArena report: " + escape(scenario.name()) + " seed " + scenario.seed()
        + (run.coverage().partial() ? " (partial)" : "") + "</title>\n"
        + "<style>body{font-family:sans-serif;margin:16px;background:#fff;color:#222}"
        + ".grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}"
        + ".card{border:1px solid #ddd;border-radius:6px;padding:8px}.card h2{font-size:15px;margin:4px 0 8px}"
        + ".card p{font-size:12px;color:#555;margin:0 0 6px}canvas{width:100%;height:300px}"
        + "#status{font-size:11px;color:#777}"
        + "#figures{border-collapse:collapse;font-size:12px;margin:8px 0}#figures td,#figures th{border:1px solid #ddd;"
        + "padding:2px 6px;text-align:right}#figures td:first-child{text-align:left}</style>\n"
        + "<script>window.__errors=[];window.addEventListener('error',function(e){window.__errors.push(String(e.message))});"
        + "window.addEventListener('unhandledrejection',function(e){window.__errors.push('unhandled rejection: '+e.reason)});"
        + "</script>\n"
        + "<script>" + chartJs() + "</script>\n"
        + "</head><body>\n"
        + "<h1>BidArena run '" + escape(scenario.name()) + "', seed " + scenario.seed() + "</h1>\n"
        + (run.coverage().partial() ? "<p><strong>" + escape(run.coverage().label()) + "</strong></p>\n" : "")
        + "<p>" + scenario.days() + " days of " + scenario.ticksPerDay() + " ticks, "
        + String.format(Locale.ROOT, "%,d", run.summary().auctions()) + " auctions, "
        + scenario.auction().type().toString().toLowerCase(Locale.ROOT).replace('_', '-') + " auction. digest "
        + run.summary().digest().substring(0, 16) + "&hellip;</p>\n"
        + "<h2>Figures per agent</h2>\n" + FiguresTable.html(run.summary())
        + "<div class=\"grid\">\n"
        + card("roas", "ROAS over time", "Revenue / spend per agent, cumulative from the start of the run.")
        + card("revenueSpend", "Revenue and spend per agent", "Totals over the run, in currency units.")
        + card("comparison", "Agent comparison", "Win rate (% of accepted bids won), ROAS and customer acquisition"
            + " cost (spend per new customer; none drawn where there is none).")
        + card("heatmap", "Bid heatmap", "Average accepted bid (CPM) by the customer's stage, per agent; darker ="
            + " higher, no square = never bid.")
        + card("funnel", "Customer journey funnel", "Customers per stage after the first tick and at the end, and"
            + " impressions sold per stage.")
        + card("prices", "Clearing prices (the bid landscape)", "Auctions sold, by price paid (CPM buckets of 0.25).")
        + card("pacing", "Budget pacing", "Share of the daily budget spent by time of day, averaged over the days.")
        + card("attribution", "Attribution: models against the causal truth", "Each agent's share of the conversion"
            + " credit by the ground truth (expected causal shares of its touches), the run's last click and each"
            + " model; shares, since the truth credits ads with a few percent of purchases. A model that gives an"
            + " agent negative credit (Shapley by rate can) is left out. Counts and errors: bidarena attribute.")
        + "</div>\n<pre id=\"status\">pending</pre>\n"
        + "<script>const DATA = " + data + ";\n" + SCRIPT + "</script>\n"
        + LearningCurvePage.section(LearningCurvePage.curvesOf(scenario))
        + "</body></html>\n";
  }

  private static String card(String id, String title, String note) {
    return "<div class=\"card\"><h2>" + title + "</h2><p>" + note + "</p><canvas id=\"" + id
        + "\" width=\"640\" height=\"300\"></canvas></div>\n";
  }

  public static String chartJs() throws IOException {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(CHART_JS)) {
      if (in == null) {
        throw new IllegalStateException("Chart.js is missing from the classpath: " + CHART_JS);
      }
      String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Inline scripts end at "</script"; the source map is not shipped, so its pointer goes too.
      return js.replace("</script", "<\\/script").replaceAll("//# sourceMappingURL=\\S+", "");
    }
  }

  /** The figures the charts draw, as a JSON object. */
  public static String data(RecordedRun run) {
    Scenario scenario = run.scenario();
    int agents = scenario.agentCount();
    int ticksPerDay = scenario.ticksPerDay();
    long ticks = run.summary().ticks();
    Json j = new Json();
    j.open();
    j.key("agents").array(scenario.agents().stream().map(AgentSpec::id).toList());
    j.key("stages").array(java.util.Arrays.stream(Stage.values()).map(Stage::key).toList());
    // ROAS over time: cumulative per agent at the end of each tick.
    double[][] roas = new double[agents][(int) ticks];
    long[] spend = new long[agents];
    long[] revenue = new long[agents];
    double[][] pacing = new double[agents][ticksPerDay];
    int[] days = new int[ticksPerDay];
    for (BidderTickSettled s : run.ticks()) {
      int a = scenario.agentIndex(s.agent());
      spend[a] += s.spendMicros();
      revenue[a] += s.revenueMicros();
      roas[a][(int) s.tick()] = spend[a] == 0 ? 0 : (double) revenue[a] / spend[a];
      int tod = scenario.tickOfDay(s.tick());
      long budget = scenario.agents().get(a).dailyBudgetMicros();
      pacing[a][tod] += budget == 0 ? 0 : 100.0 * s.spentTodayMicros() / budget;
      if (a == 0) {
        days[tod]++;
      }
    }
    for (double[] row : pacing) {
      for (int t = 0; t < ticksPerDay; t++) {
        row[t] = days[t] == 0 ? 0 : row[t] / days[t];
      }
    }
    String[] tickLabels = new String[(int) ticks];
    for (int t = 0; t < ticks; t++) {
      tickLabels[t] = "d" + (scenario.day(t) + 1) + " " + clock(scenario.tickOfDay(t), ticksPerDay);
    }
    String[] todLabels = new String[ticksPerDay];
    for (int t = 0; t < ticksPerDay; t++) {
      todLabels[t] = clock(t, ticksPerDay);
    }
    j.key("tickLabels").array(List.of(tickLabels));
    j.key("roas").matrix(roas);
    j.key("todLabels").array(List.of(todLabels));
    j.key("pacing").matrix(pacing);
    double[] spendUnits = new double[agents];
    double[] revenueUnits = new double[agents];
    double[] winRate = new double[agents];
    double[] agentRoas = new double[agents];
    double[] cac = new double[agents];
    for (int a = 0; a < agents; a++) {
      AgentMetrics m = run.summary().agents().get(a);
      spendUnits[a] = m.spendMicros() / 1e6;
      revenueUnits[a] = m.revenueMicros() / 1e6;
      winRate[a] = 100 * m.winRate();
      agentRoas[a] = m.roas();
      cac[a] = m.cacMicros().isPresent() ? m.cacMicros().getAsLong() / 1e6 : 0;
    }
    j.key("spend").numbers(spendUnits);
    j.key("revenue").numbers(revenueUnits);
    j.key("winRate").numbers(winRate);
    j.key("agentRoas").numbers(agentRoas);
    j.key("cac").numbers(cac);
    // Bids by stage, clearing prices and impressions by stage, from the raw auctions.
    double[][] bidSum = new double[agents][Stage.COUNT];
    long[][] bidCount = new long[agents][Stage.COUNT];
    double[] impressionsByStage = new double[Stage.COUNT];
    long maxPrice = 0;
    for (AuctionsCleared e : run.auctions()) {
      for (long p : e.pricesMicros()) maxPrice = Math.max(maxPrice, p);
    }
    double[] priceHistogram = new double[(int) (maxPrice / PRICE_BUCKET_MICROS) + 1];
    for (AuctionsCleared e : run.auctions()) {
      for (int i = 0; i < e.auctions(); i++) {
        int stage = e.stages()[i];
        for (int k = e.bidStart()[i]; k < e.bidStart()[i + 1]; k++) {
          int a = e.bidAgents()[k];
          bidSum[a][stage] += e.bidMicros()[k];
          bidCount[a][stage]++;
        }
        if (e.winners()[i] >= 0) {
          impressionsByStage[stage]++;
          priceHistogram[(int) (e.pricesMicros()[i] / PRICE_BUCKET_MICROS)]++;
        }
      }
    }
    double[][] avgBid = new double[agents][Stage.COUNT];
    for (int a = 0; a < agents; a++) {
      for (int s = 0; s < Stage.COUNT; s++) {
        avgBid[a][s] = bidCount[a][s] == 0 ? -1 : bidSum[a][s] / bidCount[a][s] / 1000.0;
      }
    }
    j.key("avgBid").matrix(avgBid);
    String[] priceLabels = new String[priceHistogram.length];
    for (int i = 0; i < priceLabels.length; i++) {
      priceLabels[i] = String.format(Locale.ROOT, "%.2f", i * PRICE_BUCKET_MICROS / 1000.0);
    }
    j.key("priceLabels").array(List.of(priceLabels));
    j.key("priceCounts").numbers(priceHistogram);
    j.key("impressionsByStage").numbers(impressionsByStage);
    double[] first = new double[Stage.COUNT];
    for (OutcomesRecorded o : run.outcomes()) {
      if (o.tick() == 0) {
        for (int s = 0; s < Stage.COUNT; s++) first[s] += o.outcomes().stageCounts()[s];
      }
    }
    double[] end = new double[Stage.COUNT];
    for (int s = 0; s < Stage.COUNT; s++) end[s] = run.summary().funnel()[s];
    j.key("funnelStart").numbers(first);
    j.key("funnelEnd").numbers(end);
    AttributionChart.Data attribution = AttributionChart.of(run);
    j.key("attributionKeys").array(attribution.keys());
    j.key("attributionSeries").array(attribution.series());
    j.key("attributionShares").matrix(attribution.sharePercent());
    j.close();
    return j.toString();
  }

  private static String clock(int tickOfDay, int ticksPerDay) {
    int minutes = (int) ((long) tickOfDay * 24 * 60 / ticksPerDay);
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
  }

  public static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A minimal JSON writer for numbers and strings. */
  private static final class Json {
    private final StringBuilder b = new StringBuilder();
    private boolean first = true;

    void open() {
      b.append('{');
    }

    void close() {
      b.append('}');
    }

    Json key(String k) {
      b.append(first ? "" : ",").append('"').append(k).append("\":");
      first = false;
      return this;
    }

    void array(List<String> values) {
      b.append('[');
      for (int i = 0; i < values.size(); i++) {
        b.append(i == 0 ? "" : ",").append('"')
            .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c")).append('"');
      }
      b.append(']');
    }

    void numbers(double[] values) {
      b.append('[');
      for (int i = 0; i < values.length; i++) {
        b.append(i == 0 ? "" : ",").append(number(values[i]));
      }
      b.append(']');
    }

    void matrix(double[][] rows) {
      b.append('[');
      for (int i = 0; i < rows.length; i++) {
        b.append(i == 0 ? "" : ",");
        numbers(rows[i]);
      }
      b.append(']');
    }

    private static String number(double v) {
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        return "0";
      }
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }

    @Override
    public String toString() {
      return b.toString();
    }
  }

  /** Draws the charts from DATA, then records which canvases hold pixels and any errors. */
  private static final String SCRIPT = """
      Chart.defaults.animation = false;
      Chart.defaults.responsive = false;
      const COLORS = ['#e6194b','#3cb44b','#4363d8','#f58231','#911eb4','#42d4f4','#f032e6','#bfef45','#469990','#9A6324'];
      const color = i => COLORS[i % COLORS.length];
      const perAgent = (rows, extra) => DATA.agents.map((a, i) => Object.assign({label: a, data: rows[i],
          borderColor: color(i), backgroundColor: color(i), pointRadius: 0, borderWidth: 1.5}, extra || {}));
      function draw() {
        new Chart(document.getElementById('roas'), {type: 'line',
          data: {labels: DATA.tickLabels, datasets: perAgent(DATA.roas)},
          options: {scales: {y: {title: {display: true, text: 'ROAS'}}, x: {ticks: {maxTicksLimit: 8}}}}});
        new Chart(document.getElementById('revenueSpend'), {type: 'bar',
          data: {labels: DATA.agents, datasets: [
            {label: 'spend', data: DATA.spend, backgroundColor: '#9aa5b1'},
            {label: 'revenue', data: DATA.revenue, backgroundColor: '#3cb44b'}]},
          options: {scales: {y: {title: {display: true, text: 'currency units'}}}}});
        new Chart(document.getElementById('comparison'), {type: 'bar',
          data: {labels: DATA.agents, datasets: [
            {label: 'win rate %', data: DATA.winRate, backgroundColor: '#4363d8', yAxisID: 'y'},
            {label: 'ROAS', data: DATA.agentRoas, backgroundColor: '#3cb44b', yAxisID: 'y2'},
            {label: 'CAC', data: DATA.cac, backgroundColor: '#f58231', yAxisID: 'y3'}]},
          options: {scales: {
            y: {position: 'left', title: {display: true, text: 'win rate %'}},
            y2: {position: 'right', title: {display: true, text: 'ROAS'}, grid: {drawOnChartArea: false}},
            y3: {position: 'right', title: {display: true, text: 'CAC'}, grid: {drawOnChartArea: false}}}}});
        let maxBid = 0;
        DATA.avgBid.forEach(r => r.forEach(v => { if (v > maxBid) maxBid = v; }));
        const cells = [];
        DATA.avgBid.forEach((row, a) => row.forEach((v, s) => { if (v >= 0) cells.push({x: s, y: a, v: v}); }));
        new Chart(document.getElementById('heatmap'), {type: 'scatter',
          data: {datasets: [{label: 'average bid (CPM)', data: cells, pointStyle: 'rect', pointRadius: 20,
            pointHoverRadius: 18,
            backgroundColor: cells.map(c => 'rgba(67,99,216,' + (0.15 + 0.85 * c.v / (maxBid || 1)).toFixed(3) + ')')}]},
          options: {plugins: {legend: {display: false}, tooltip: {callbacks: {label: c =>
              DATA.agents[c.raw.y] + ' / ' + DATA.stages[c.raw.x] + ': ' + c.raw.v.toFixed(3)}}},
            scales: {
              x: {min: -0.5, max: DATA.stages.length - 0.5, grid: {display: false},
                afterBuildTicks: axis => { axis.ticks = DATA.stages.map((_, i) => ({value: i})); },
                ticks: {callback: v => DATA.stages[v] || ''}},
              y: {min: -0.5, max: DATA.agents.length - 0.5, reverse: true, grid: {display: false},
                afterBuildTicks: axis => { axis.ticks = DATA.agents.map((_, i) => ({value: i})); },
                ticks: {callback: v => DATA.agents[v] || ''}}}}});
        new Chart(document.getElementById('funnel'), {type: 'bar',
          data: {labels: DATA.stages, datasets: [
            {label: 'customers after the first tick', data: DATA.funnelStart, backgroundColor: '#9aa5b1'},
            {label: 'customers at the end', data: DATA.funnelEnd, backgroundColor: '#4363d8'},
            {label: 'impressions sold', data: DATA.impressionsByStage, backgroundColor: '#f58231', xAxisID: 'x2'}]},
          options: {indexAxis: 'y', scales: {x: {title: {display: true, text: 'customers'}},
            x2: {position: 'top', title: {display: true, text: 'impressions'}, grid: {drawOnChartArea: false}}}}});
        new Chart(document.getElementById('prices'), {type: 'bar',
          data: {labels: DATA.priceLabels, datasets: [{label: 'auctions sold', data: DATA.priceCounts,
            backgroundColor: '#911eb4', barPercentage: 1.0, categoryPercentage: 1.0}]},
          options: {scales: {x: {title: {display: true, text: 'price paid (CPM)'}}}}});
        new Chart(document.getElementById('pacing'), {type: 'line',
          data: {labels: DATA.todLabels, datasets: perAgent(DATA.pacing)},
          options: {scales: {y: {min: 0, title: {display: true, text: '% of daily budget spent'}},
            x: {ticks: {maxTicksLimit: 12}}}}});
        new Chart(document.getElementById('attribution'), {type: 'bar',
          data: {labels: DATA.attributionKeys, datasets: DATA.attributionSeries.map((s, i) => ({label: s,
            data: DATA.attributionShares[i], backgroundColor: i === 0 ? '#000000' : color(i - 1)}))},
          options: {scales: {y: {title: {display: true, text: '% of the credit'}}}}});
      }
      """ + HtmlReport.DRAW_AND_REPORT;

  /**
   * Calls the page's draw(), then writes into #status which canvases got pixels and which errors were
   * thrown: what the headless-Chromium checks read. Shared by every report page with charts.
   */
  public static final String DRAW_AND_REPORT = """
      function drawn(canvas) {
        const ctx = canvas.getContext('2d');
        const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < px.length; i += 4) { if (px[i] !== 0) return true; }
        return false;
      }
      try { draw(); } catch (e) { window.__errors.push('draw: ' + e); }
      setTimeout(function () {
        const charts = {};
        document.querySelectorAll('canvas').forEach(c => { charts[c.id] = drawn(c); });
        document.getElementById('status').textContent =
            JSON.stringify({charts: charts, errors: window.__errors, done: true});
      }, 0);
      """;
}
