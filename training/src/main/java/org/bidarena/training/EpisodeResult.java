package org.bidarena.training;

import java.util.Locale;
import org.bidarena.core.scenario.Scenario;

/** One agent's results over one episode (one run of the scenario), as a learning-curve row. Money in currency. */
public record EpisodeResult(int episode, long seed, double reward, double spend, double roas, double winRate,
    double profit, long impressions, long clicks, long conversions, String stage) {
  public static final String CSV_HEADER =
      "episode,seed,reward,spend,roas,win_rate,profit,impressions,clicks,conversions,stage";

  /** Agent {@code a}'s row; its reward is its profit (attributed revenue x margin - spend). */
  public static EpisodeResult of(int episode, Scenario scenario, MarketLoop.Totals t, int a, String stage) {
    long spend = t.spendMicros()[a];
    long revenue = t.revenueMicros()[a];
    long profit = scenario.reporting().marginOf(revenue) - spend;
    return new EpisodeResult(episode, scenario.seed(), profit / 1e6, spend / 1e6,
        spend > 0 ? (double) revenue / spend : 0, t.bids()[a] > 0 ? (double) t.impressions()[a] / t.bids()[a] : 0,
        profit / 1e6, t.impressions()[a], t.clicks()[a], t.conversions()[a], stage);
  }

  public String csv() {
    return String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%d,%d,%d,%s", episode, seed, reward, spend, roas,
        winRate, profit, impressions, clicks, conversions, stage);
  }

  public static EpisodeResult parse(String line) {
    String[] f = line.split(",");
    return new EpisodeResult(Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
        Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]), f[10]);
  }
}
