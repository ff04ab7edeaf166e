package org.bidarena.app.allocate;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bidarena.allocation.AllocationSettings;
import org.bidarena.allocation.ChannelMarket;
import org.bidarena.allocation.ChannelSpec;
import org.bidarena.allocation.DayRecord;
import org.bidarena.allocation.Insights;
import org.bidarena.allocation.SeedResult;
import org.bidarena.analysis.report.HtmlReport;

/**
 * {@code report.html} of {@code bidarena allocate}: the split over time per allocator (stacked, first seed),
 * profit and ROAS per allocator (mean over seeds), the final day's split of each allocator and of the optimum,
 * and each channel's true response curve with its marginal ROAS. Chart.js is inlined, so the page needs no
 * network; after drawing, it writes into {@code <pre id="status">} which charts drew and any script error.
 */
final class AllocationReport {
  private AllocationReport() {}

  static String render(String title, Map<String, List<SeedResult>> byAllocator, AllocationSettings settings,
      double margin, List<String> insights) throws IOException {
    List<ChannelSpec> channels = settings.channels();
    StringBuilder data = new StringBuilder("{");
    data.append("\"channels\":").append(strings(channels.stream().map(ChannelSpec::label).toList()));
    data.append(",\"allocators\":").append(strings(List.copyOf(byAllocator.keySet())));
    // the split over time, first seed of each allocator: shares[allocator][channel][day] in %
    data.append(",\"shares\":[");
    StringBuilder cards = new StringBuilder();
    int a = 0;
    for (var e : byAllocator.entrySet()) {
      List<DayRecord> days = e.getValue().get(0).days();
      data.append(a == 0 ? "" : ",").append('[');
      for (int c = 0; c < channels.size(); c++) {
        double[] s = new double[days.size()];
        for (int d = 0; d < s.length; d++) {
          s[d] = 100 * days.get(d).shares()[c];
        }
        data.append(c == 0 ? "" : ",").append(numbers(s));
      }
      data.append(']');
      cards.append(card("split" + a, "Split over time: " + e.getKey(), "Share of the daily budget per channel, day by"
          + " day, seed " + e.getValue().get(0).seed() + " (stacked to 100%)."));
      a++;
    }
    data.append(']');
    int days = byAllocator.values().iterator().next().get(0).days().size();
    data.append(",\"days\":").append(days);
    double[] profit = new double[byAllocator.size()];
    double[] roas = new double[byAllocator.size()];
    double[] regret = new double[byAllocator.size()];
    a = 0;
    for (List<SeedResult> rs : byAllocator.values()) {
      profit[a] = rs.stream().mapToDouble(r -> r.profit(margin) / 1e6).average().orElse(0);
      roas[a] = rs.stream().mapToDouble(SeedResult::roas).average().orElse(0);
      regret[a] = rs.stream().mapToDouble(r -> r.regret() / 1e6).average().orElse(0);
      a++;
    }
    data.append(",\"profit\":").append(numbers(profit)).append(",\"roas\":").append(numbers(roas))
        .append(",\"regret\":").append(numbers(regret));
    // the final day's split of each allocator (mean over seeds) and of the optimum
    data.append(",\"final\":[");
    a = 0;
    for (List<SeedResult> rs : byAllocator.values()) {
      double[] f = new double[channels.size()];
      for (SeedResult r : rs) {
        DayRecord last = r.days().get(r.days().size() - 1);
        for (int c = 0; c < f.length; c++) {
          f[c] += 100 * last.shares()[c] / rs.size();
        }
      }
      data.append(a++ == 0 ? "" : ",").append(numbers(f));
    }
    DayRecord lastDay = byAllocator.values().iterator().next().get(0).days().get(days - 1);
    double[] opt = new double[channels.size()];
    for (int c = 0; c < opt.length; c++) {
      opt[c] = 100.0 * lastDay.optimalBudgets()[c] / settings.budgetMicros();
    }
    data.append("],\"optimum\":").append(numbers(opt));
    // response curves: long-run revenue a day and marginal ROAS against spend a day, averaged over the week
    ChannelMarket market = byAllocator.values().iterator().next().get(0).market();
    int points = 41;
    double[] spend = new double[points];
    for (int k = 0; k < points; k++) {
      spend[k] = settings.budgetMicros() / 1e6 * k / (points - 1);
    }
    data.append(",\"spend\":").append(numbers(spend)).append(",\"revenue\":[");
    StringBuilder marginal = new StringBuilder("[");
    for (int c = 0; c < channels.size(); c++) {
      double[] rev = new double[points];
      double[] m = new double[points];
      for (int k = 0; k < points; k++) {
        long micros = Math.round(spend[k] * 1e6);
        for (int d = 0; d < 7; d++) {
          rev[k] += market.steadyConversions(c, d, micros) * market.orderValueMicros() / 1e6 / 7;
          m[k] += Insights.marginalRoas(market, c, d, micros) / 7;
        }
      }
      data.append(c == 0 ? "" : ",").append(numbers(rev));
      marginal.append(c == 0 ? "" : ",").append(numbers(m));
    }
    data.append("],\"marginal\":").append(marginal).append("],\"breakEven\":")
        .append(String.format(Locale.ROOT, "%.4f", 1 / margin)).append('}');

    StringBuilder notes = new StringBuilder("<ul>");
    for (String line : insights) {
      notes.append("<li>").append(HtmlReport.escape(line)).append("</li>");
    }
    notes.append("</ul>\n");
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>BidArena allocation: "
        + HtmlReport.escape(title) + "</title>\n"
        + "<style>body{font-family:sans-serif;margin:16px;color:#222}.grid{display:grid;grid-template-columns:1fr 1fr;"
        + "gap:16px}.card{border:1px solid #ddd;border-radius:6px;padding:8px}.card h2{font-size:15px;margin:4px 0 8px}"
        + ".card p{font-size:12px;color:#555;margin:0 0 6px}canvas{width:100%;height:300px}#status{font-size:11px;"
        + "color:#777}li{font-size:13px}</style>\n"
        + "<script>window.__errors=[];window.addEventListener('error',function(e){window.__errors.push(String(e.message))});"
        + "</script>\n<script>" + HtmlReport.chartJs() + "</script>\n</head><body>\n"
        + "<h1>BidArena allocation: " + HtmlReport.escape(title) + "</h1>\n<div class=\"grid\">\n" + cards
        + card("profit", "Profit and ROAS per allocator", "Mean over seeds: profit (revenue x margin - spend) and"
            + " regret in currency units over the run; ROAS on the right axis.")
        + card("final", "Final day's split", "Share of the budget per channel on the last day (mean over seeds), and"
            + " the optimum's split of that day (first allocator's first seed).")
        + card("curves", "Response curves", "True long-run revenue a day against spend a day per channel (carry-over"
            + " included, mean over the week).")
        + card("marginal", "Marginal ROAS", "Revenue of one more unit of money a day, against spend a day; the"
            + " dashed line is break-even ROAS 1 / margin.")
        + "</div>\n<h2>Insights</h2>\n" + notes + "<pre id=\"status\">pending</pre>\n"
        + "<script>const DATA = " + data + ";\n" + SCRIPT + "</script>\n</body></html>\n";
  }

  private static String card(String id, String title, String text) {
    return "<div class=\"card\"><h2>" + HtmlReport.escape(title) + "</h2><p>" + HtmlReport.escape(text)
        + "</p><canvas id=\"" + id + "\" width=\"640\" height=\"300\"></canvas></div>\n";
  }

  private static String strings(List<String> s) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < s.size(); i++) {
      b.append(i == 0 ? "" : ",").append('"').append(s.get(i).replace("\\", "\\\\").replace("\"", "\\\"")
          .replace("<", "\\u003c")).append('"');
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

  private static final String SCRIPT = """
      const PALETTE = ['#4363d8', '#e6194b', '#3cb44b', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45'];
      const color = i => PALETTE[i % PALETTE.length];
      function draw() {
        const dayLabels = Array.from({length: DATA.days}, (_, d) => d);
        DATA.shares.forEach((perChannel, a) => {
          new Chart(document.getElementById('split' + a), {type: 'line',
            data: {labels: dayLabels, datasets: perChannel.map((s, c) => ({label: DATA.channels[c], data: s,
              fill: c === 0 ? 'origin' : '-1', backgroundColor: color(c) + '99', borderColor: color(c),
              pointRadius: 0}))},
            options: {animation: false, scales: {y: {stacked: true, min: 0, max: 100,
              title: {display: true, text: '% of the budget'}}, x: {title: {display: true, text: 'day'}}}}});
        });
        new Chart(document.getElementById('profit'), {type: 'bar',
          data: {labels: DATA.allocators, datasets: [
            {label: 'profit', data: DATA.profit, backgroundColor: color(0), yAxisID: 'money'},
            {label: 'regret', data: DATA.regret, backgroundColor: color(1), yAxisID: 'money'},
            {label: 'ROAS', data: DATA.roas, type: 'line', yAxisID: 'ratio', borderColor: color(2)}]},
          options: {animation: false, scales: {
            money: {type: 'linear', position: 'left', min: 0, title: {display: true, text: 'currency units'}},
            ratio: {type: 'linear', position: 'right', min: 0, grid: {drawOnChartArea: false},
              title: {display: true, text: 'ROAS'}}}}});
        new Chart(document.getElementById('final'), {type: 'bar',
          data: {labels: DATA.channels, datasets: DATA.final.map((f, a) => ({label: DATA.allocators[a], data: f,
            backgroundColor: color(a)})).concat([{label: 'optimum', data: DATA.optimum, backgroundColor: '#000000'}])},
          options: {animation: false, scales: {y: {title: {display: true, text: '% of the budget'}}}}});
        const spend = DATA.spend.map(x => Math.round(x));
        new Chart(document.getElementById('curves'), {type: 'line',
          data: {labels: spend, datasets: DATA.revenue.map((r, c) => ({label: DATA.channels[c], data: r,
            borderColor: color(c), pointRadius: 0}))},
          options: {animation: false, scales: {y: {title: {display: true, text: 'revenue a day'}},
            x: {title: {display: true, text: 'spend a day'}, ticks: {maxTicksLimit: 11}}}}});
        new Chart(document.getElementById('marginal'), {type: 'line',
          data: {labels: spend, datasets: DATA.marginal.map((m, c) => ({label: DATA.channels[c], data: m,
            borderColor: color(c), pointRadius: 0})).concat([{label: 'break-even', data: spend.map(() => DATA.breakEven),
            borderColor: '#000000', borderDash: [6, 4], pointRadius: 0}])},
          options: {animation: false, scales: {y: {min: 0, max: 10, title: {display: true, text: 'marginal ROAS'}},
            x: {title: {display: true, text: 'spend a day'}, ticks: {maxTicksLimit: 11}}}}});
      }
      """ + org.bidarena.analysis.report.HtmlReport.DRAW_AND_REPORT;
}
