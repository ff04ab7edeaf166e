package org.bidarena.allocation;

import java.util.Locale;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.learning.rl.Ppo;

/**
 * A PPO policy (the learning module's {@link Ppo}) that picks the split: its n actions pass through a softmax
 * to desired shares, then the bounds and change cap. It sees yesterday's split, yesterday's ROAS per channel
 * and the day of week. It is trained first on its own episodes of the channel model (training seeds derived
 * from the run seed, never the evaluation seeds), with reward = profit-weight x profit / budget + roas-weight
 * x ROAS - jump-penalty x the L1 change of the split, and then plays its mean action.
 */
public final class PpoAllocator implements Allocator {
  static final SeededStreams.Stream TRAINING = SeededStreams.Stream.register("allocation-ppo-training", 0xA110_C004L);

  private final Bounds bounds;
  private final Ppo ppo;
  private double[] lastRoas;

  private PpoAllocator(Bounds bounds, Ppo ppo) {
    this.bounds = bounds;
    this.ppo = ppo;
    this.lastRoas = new double[bounds.size()];
  }

  static Ppo.Config config(int n) {
    // gamma 0.5: a day's reward is mostly its own split's doing. On channels.conf (5 seeds) gamma 0.9 with 300
    // episodes did worse than the fixed split; 0.5 with 1,000 episodes cut fixed's 30-day regret 27.7k to 6.8k.
    return new Ppo.Config(2 * n + 2, n, 32, 0.003, 0.5, 0.95, 0.2, 4, 30, 120, -0.5, -3, 3);
  }

  /**
   * Trains a policy for these channels: {@code episodes} runs of {@code days} days, episode e on the market of
   * seed bits(TRAINING, trainingSeed, e).
   */
  public static PpoAllocator train(AllocationSettings settings, double margin, long trainingSeed, int days,
      TrainingListener listener) {
    Bounds bounds = settings.bounds();
    int n = bounds.size();
    SeededStreams streams = new SeededStreams(trainingSeed);
    Ppo ppo = new Ppo(config(n), streams.bits(TRAINING, -1));
    AllocationSettings.PpoSettings p = settings.ppo();
    for (int e = 0; e < p.episodes(); e++) {
      ChannelMarket market = new ChannelMarket(settings.channels(), streams.bits(TRAINING, e), settings.orderValueMicros(),
          margin, days);
      double[] previous = bounds.fixedSplit();
      double[] roas = new double[n];
      double total = 0;
      for (int day = 0; day < days; day++) {
        double[] state = state(previous, roas, day);
        double[] shares = bounds.project(softmax(ppo.explore(state)), previous);
        Outcome[] out = market.play(bounds.budgets(shares));
        double reward = reward(p, bounds, out, shares, previous, margin, roas);
        total += reward;
        double[] next = state(shares, roas, day + 1);
        ppo.reward(reward, next, day == days - 1);
        previous = shares;
      }
      if (listener != null) {
        listener.onEpisode(e + 1, p.episodes(), total / days);
      }
    }
    return new PpoAllocator(bounds, ppo);
  }

  /** Progress of the training. */
  public interface TrainingListener {
    void onEpisode(int done, int total, double meanReward);
  }

  /** The day's reward; fills {@code roas} with each channel's ROAS of the day. */
  static double reward(AllocationSettings.PpoSettings p, Bounds bounds, Outcome[] out, double[] shares,
      double[] previous, double margin, double[] roas) {
    long spend = 0;
    long revenue = 0;
    for (int i = 0; i < out.length; i++) {
      spend += out[i].spendMicros();
      revenue += out[i].revenueMicros();
      roas[i] = out[i].spendMicros() > 0 ? (double) out[i].revenueMicros() / out[i].spendMicros() : 0;
    }
    double profit = (revenue * margin - spend) / bounds.budgetMicros();
    double jump = 0;
    for (int i = 0; i < shares.length; i++) {
      jump += Math.abs(shares[i] - previous[i]);
    }
    double dayRoas = spend > 0 ? (double) revenue / spend : 0;
    return p.profitWeight() * profit + p.roasWeight() * dayRoas - p.jumpPenalty() * jump;
  }

  static double[] state(double[] shares, double[] roas, int day) {
    int n = shares.length;
    double[] s = new double[2 * n + 2];
    for (int i = 0; i < n; i++) {
      s[i] = shares[i];
      s[n + i] = roas[i] / 10;
    }
    double angle = 2 * Math.PI * Math.floorMod(day, 7) / 7;
    s[2 * n] = StrictMath.sin(angle);
    s[2 * n + 1] = StrictMath.cos(angle);
    return s;
  }

  static double[] softmax(double[] a) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      max = Math.max(max, v);
    }
    double[] out = new double[a.length];
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      out[i] = StrictMath.exp(a[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < a.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  /** The trained policy, ready to play a new seed (yesterday's ROAS forgotten). */
  public PpoAllocator fresh() {
    return new PpoAllocator(bounds, ppo);
  }

  @Override
  public String name() {
    return "ppo";
  }

  @Override
  public Decision decide(int day, double[] previous) {
    double[] desired = softmax(ppo.mean(state(previous, lastRoas, day)));
    String[] details = new String[desired.length];
    for (int i = 0; i < desired.length; i++) {
      details[i] = String.format(Locale.ROOT, "policy share %.4f", desired[i]);
    }
    return new Decision(bounds.project(desired, previous), desired, details);
  }

  @Override
  public void observe(int day, double[] shares, Outcome[] outcomes) {
    double[] roas = new double[outcomes.length];
    for (int i = 0; i < outcomes.length; i++) {
      roas[i] = outcomes[i].spendMicros() > 0 ? (double) outcomes[i].revenueMicros() / outcomes[i].spendMicros() : 0;
    }
    lastRoas = roas;
  }
}
