package org.bidarena.analysis.ipinyou;

import java.util.List;
import java.util.Locale;

/**
 * One algorithm at one budget ratio in the log-replay benchmark. Money is in the log's unit (fen CPM for
 * iPinYou): {@code cost} is the sum of the market prices paid, as {@code cost_train} in info.json.
 *
 * @param budget the budget of each episode, B = floor(cost_train / imp_train * c0 * N)
 */
public record IpinyouBenchmarkRow(
    String algorithm, String c0, String setting, long budget, long auctions, long impressions, long clicks,
    long cost) {
  /** One fen CPM is 0.01 CNY per 1000 impressions, so 10 micros per impression. */
  public static final long MICROS_PER_FEN = 10;

  public static final String CSV_HEADER =
      "algorithm,c0,setting,budget,objective_clicks,auctions,impressions,clicks,cost,win_rate,cpm,ecpc\n";

  public double winRate() {
    return auctions == 0 ? 0 : (double) impressions / auctions;
  }

  /** Cost per thousand impressions, in the log's unit (the average market price paid). */
  public double cpm() {
    return impressions == 0 ? 0 : (double) cost / impressions;
  }

  /** Cost per click in the log's currency unit: prices are per thousand impressions, hence the 1000. */
  public double ecpc() {
    return clicks == 0 ? 0 : cost / 1000.0 / clicks;
  }

  public String csv() {
    return String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%d,%d,%d,%.6f,%.4f,%.4f%n", algorithm, c0, setting, budget,
        clicks, auctions, impressions, clicks, cost, winRate(), cpm(), ecpc());
  }

  public static String tableHeader() {
    return String.format(Locale.ROOT, "%-6s %-5s %-14s %8s %8s %9s %11s %7s %12s %8s %8s %8s%n",
        "algo", "c0", "setting", "budget", "clicks", "auctions", "impressions", "clicks", "cost", "win", "CPM",
        "eCPC");
  }

  /** The rows as the terminal shows them, with the units. */
  public static String table(List<IpinyouBenchmarkRow> rows) {
    StringBuilder b = new StringBuilder(tableHeader());
    rows.forEach(r -> b.append(r.tableLine()));
    return b.append("cost and CPM in fen CPM as in the log; eCPC in fen per click; objective = clicks\n").toString();
  }

  public String tableLine() {
    return String.format(Locale.ROOT, "%-6s %-5s %-14s %,8d %,8d %,9d %,11d %,7d %,12d %7.2f%% %8.2f %8.2f%n",
        algorithm, c0, setting, budget, clicks, auctions, impressions, clicks, cost, 100 * winRate(), cpm(), ecpc());
  }

  public String json() {
    return String.format(Locale.ROOT,
        "{\"algorithm\": \"%s\", \"c0\": \"%s\", \"setting\": \"%s\", \"budget\": %d, \"objective\": %d,"
            + " \"auctions\": %d, \"impressions\": %d, \"clicks\": %d, \"cost\": %d, \"winRate\": %.6f,"
            + " \"cpm\": %.4f, \"ecpc\": %.4f}",
        algorithm, c0, setting, budget, clicks, auctions, impressions, clicks, cost, winRate(), cpm(), ecpc());
  }
}
