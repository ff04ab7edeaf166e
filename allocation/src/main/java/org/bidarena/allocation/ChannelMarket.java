package org.bidarena.allocation;

import java.util.List;
import org.bidarena.core.random.SeededStreams;

/**
 * The channels of one run (one seed): it remembers every day's spend per channel for the carry-over, and
 * answers a day's budgets with outcomes drawn from the response model. The noise of channel c on day d is
 * drawn at (channel key, day) from the run's seeded streams, so it does not depend on the allocator, the
 * order of the channels or anything else that happened: two allocators on one seed meet the same luck.
 * It also gives the noise-free expected response, the ground truth the optimum and regret are computed on.
 */
public final class ChannelMarket {
  static final SeededStreams.Stream NOISE = SeededStreams.Stream.register("allocation-channel-noise", 0xA110_C001L);
  static final SeededStreams.Stream ROUNDING = SeededStreams.Stream.register("allocation-rounding", 0xA110_C002L);

  private final List<ChannelSpec> channels;
  private final SeededStreams streams;
  private final long orderValueMicros;
  private final double margin;
  private final long[][] spend;
  private int days;

  /**
   * @param margin the gross margin on revenue, for profit = revenue x margin - spend
   * @param horizon the most days this market will be played
   */
  public ChannelMarket(List<ChannelSpec> channels, long seed, long orderValueMicros, double margin, int horizon) {
    this.channels = List.copyOf(channels);
    this.streams = new SeededStreams(seed);
    this.orderValueMicros = orderValueMicros;
    this.margin = margin;
    this.spend = new long[channels.size()][horizon];
  }

  public List<ChannelSpec> channels() {
    return channels;
  }

  public long orderValueMicros() {
    return orderValueMicros;
  }

  public double margin() {
    return margin;
  }

  /** Days played so far; the next {@link #play} is this day. */
  public int day() {
    return days;
  }

  /** What the spend of days before {@code day} adds to channel i's effective spend on that day (micros). */
  public double carry(int i, int day) {
    return channels.get(i).adstock().carry(spend[i], day);
  }

  /** Channel i's expected conversions on {@code day} if it spends {@code micros} that day (no noise). */
  public double expectedConversions(int i, int day, double micros) {
    ChannelSpec c = channels.get(i);
    return c.expectedConversions(micros + carry(i, day), day);
  }

  /** The expected profit (micros, fractional) of a day's budgets, given the spend before it. */
  public double expectedProfit(int day, long[] budgets) {
    double p = 0;
    for (int i = 0; i < budgets.length; i++) {
      p += expectedConversions(i, day, budgets[i]) * orderValueMicros * margin - budgets[i];
    }
    return p;
  }

  /**
   * Channel i's expected conversions on {@code day} in the long run of spending {@code micros} every day: the
   * effective spend is micros x the adstock's total weight. This credits a channel with the carry-over its
   * spend earns on later days, which a one-day view would miss (and so starve every slow channel).
   */
  public double steadyConversions(int i, int day, double micros) {
    ChannelSpec c = channels.get(i);
    return c.expectedConversions(micros * c.adstock().totalWeight(), day);
  }

  /** The expected profit a day (micros) of keeping these budgets every day, on {@code day}'s seasonality. */
  public double steadyProfit(int day, long[] budgets) {
    double p = 0;
    for (int i = 0; i < budgets.length; i++) {
      p += steadyConversions(i, day, budgets[i]) * orderValueMicros * margin - budgets[i];
    }
    return p;
  }

  /** Plays the next day with these budgets (micros, one per channel) and returns each channel's outcome. */
  public Outcome[] play(long[] budgets) {
    int day = days;
    Outcome[] out = new Outcome[channels.size()];
    for (int i = 0; i < out.length; i++) {
      ChannelSpec c = channels.get(i);
      long key = c.key();
      double mean = expectedConversions(i, day, budgets[i]);
      double sigma = c.noiseSigma();
      double factor = StrictMath.exp(sigma * streams.normal(NOISE, key, day) - sigma * sigma / 2);
      long clicks = stochasticRound((double) budgets[i] / c.cpcMicros(), streams.uniform(ROUNDING, key, day, 1));
      long conversions = Math.min(clicks, stochasticRound(mean * factor, streams.uniform(ROUNDING, key, day, 2)));
      out[i] = new Outcome(budgets[i], clicks, conversions, conversions * orderValueMicros);
      spend[i][day] = budgets[i];
    }
    days++;
    return out;
  }

  /** x rounded down, plus 1 with probability equal to its fraction: unbiased integer counts. */
  private static long stochasticRound(double x, double u) {
    long f = (long) Math.floor(x);
    return f + (u < x - f ? 1 : 0);
  }
}
