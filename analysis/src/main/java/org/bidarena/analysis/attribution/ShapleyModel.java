package org.bidarena.analysis.attribution;

import java.util.HashMap;
import java.util.Map;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.random.SeededStreams.Stream;

/**
 * Shapley values of the keys in one of two games over the journeys, T being a journey's set of touched keys.
 *
 * <p>{@code shapley} (by rate): the worth of a coalition S is the conversions all N journeys would give at the
 * conversion rate of the journeys whose touch set lies within S,
 *
 * <pre>   v(S) = N x conversions(T subset of S) / journeys(T subset of S)</pre>
 *
 * so v(empty) is N times the rate of journeys without ads (the baseline), v(all keys) is the observed conversions,
 * and the values sum to v(all) - v(empty): an estimate of the conversions the ads added, not all touched
 * conversions (a key can get a negative value when its paths convert below the baseline).
 *
 * <p>{@code shapley-count}: v(S) = conversions(T subset of S), the conversions S's touches alone account for; the
 * values sum to the touched conversions, and each conversion ends up split equally between the distinct keys of
 * its path (the game is a sum of unanimity games), which makes it a check of the machinery more than a new model.
 *
 * <p>Revenue is the same game with revenue in place of conversions. Exact (subset sums over the 2^n coalitions)
 * up to {@code exactUpTo} keys;
 * beyond, by random permutations (from the seeded stream below, so the same input gives the same values), each
 * value with its standard error; at most 64 keys.
 */
public final class ShapleyModel implements AttributionModel {
  public static final Stream PERMUTATION = Stream.register("shapley-permutation", 0x9A01);
  public static final int DEFAULT_EXACT_UP_TO = 15;
  public static final int DEFAULT_PERMUTATIONS = 2000;
  public static final int MAX_KEYS = 64;

  private final boolean byRate;
  private final int exactUpTo;
  private final int permutations;

  /** The game by conversion rate ({@code byRate}) or by conversion count, exact up to 15 keys. */
  public ShapleyModel(boolean byRate) {
    this(byRate, DEFAULT_EXACT_UP_TO, DEFAULT_PERMUTATIONS);
  }

  public ShapleyModel(boolean byRate, int exactUpTo, int permutations) {
    if (exactUpTo < 0 || exactUpTo > 20 || permutations < 2) {
      throw new IllegalArgumentException("exact up to 0..20 keys and at least 2 permutations");
    }
    this.byRate = byRate;
    this.exactUpTo = exactUpTo;
    this.permutations = permutations;
  }

  /** The values, with the largest standard error of any key's value (0 when exact). */
  public record Result(Credits credits, boolean sampled, int permutations, double conversionsError,
      double revenueError) {}

  @Override
  public String name() {
    return byRate ? "shapley" : "shapley-count";
  }

  @Override
  public Credits attribute(Journeys journeys) {
    return values(journeys).credits();
  }

  public Result values(Journeys journeys) {
    int n = journeys.keys().size();
    if (n > MAX_KEYS) {
      throw new IllegalArgumentException("Shapley values need at most " + MAX_KEYS + " keys, the journeys have " + n);
    }
    // Journeys, conversions and revenue per distinct touch set.
    Map<Long, double[]> sets = new HashMap<>();
    for (int j = 0; j < journeys.size(); j++) {
      long mask = 0;
      for (int p = journeys.start(j); p < journeys.start(j + 1); p++) {
        mask |= 1L << journeys.key(p);
      }
      double[] s = sets.computeIfAbsent(mask, m -> new double[3]);
      s[0]++;
      if (journeys.converted(j)) {
        s[1]++;
        s[2] += journeys.value(j);
      }
    }
    return n <= exactUpTo ? exact(journeys, n, sets) : sampled(journeys, n, sets);
  }

  private Result exact(Journeys journeys, int n, Map<Long, double[]> sets) {
    int size = 1 << n;
    double[][] f = new double[3][size];
    sets.forEach((mask, s) -> {
      for (int c = 0; c < 3; c++) {
        f[c][(int) (long) mask] += s[c];
      }
    });
    // Subset sums: f[m] becomes the sum over the touch sets within m.
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < n; i++) {
        for (int m = 0; m < size; m++) {
          if ((m & (1 << i)) != 0) {
            f[c][m] += f[c][m ^ (1 << i)];
          }
        }
      }
    }
    double all = journeys.size();
    double[] weight = new double[n];
    for (int s = 0; s < n; s++) {
      // |S|! (n - |S| - 1)! / n!
      weight[s] = 1.0 / (n * binomial(n - 1, s));
    }
    Credits out = Credits.empty(name(), journeys.keys().names());
    for (int m = 0; m < size; m++) {
      double conv = worth(all, f[1][m], f[0][m]);
      double rev = worth(all, f[2][m], f[0][m]);
      int bits = Integer.bitCount(m);
      for (int i = 0; i < n; i++) {
        if ((m & (1 << i)) == 0) {
          int with = m | (1 << i);
          out.conversions()[i] += weight[bits] * (worth(all, f[1][with], f[0][with]) - conv);
          out.revenueMicros()[i] += weight[bits] * (worth(all, f[2][with], f[0][with]) - rev);
        }
      }
    }
    return new Result(out, false, 0, 0, 0);
  }

  private Result sampled(Journeys journeys, int n, Map<Long, double[]> sets) {
    long[] masks = new long[sets.size()];
    double[][] s = new double[sets.size()][];
    int d = 0;
    for (Map.Entry<Long, double[]> e : sets.entrySet()) {
      masks[d] = e.getKey();
      s[d++] = e.getValue();
    }
    double all = journeys.size();
    SeededStreams streams = new SeededStreams(n);
    int[] perm = new int[n];
    int[] rank = new int[n];
    double[][] added = new double[3][n + 1];
    double[][] sum = new double[2][n];
    double[][] squares = new double[2][n];
    for (int r = 0; r < permutations; r++) {
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int k = SeededStreams.below(streams.bits(PERMUTATION, r, i), i + 1);
        int t = perm[i];
        perm[i] = perm[k];
        perm[k] = t;
      }
      for (int i = 0; i < n; i++) {
        rank[perm[i]] = i;
      }
      for (double[] a : added) {
        java.util.Arrays.fill(a, 0);
      }
      for (int k = 0; k < masks.length; k++) {
        // A touch set joins the coalition when the last of its keys does: slot 0 is the empty coalition.
        int joins = 0;
        for (long m = masks[k]; m != 0; m &= m - 1) {
          joins = Math.max(joins, rank[Long.numberOfTrailingZeros(m)] + 1);
        }
        for (int c = 0; c < 3; c++) {
          added[c][joins] += s[k][c];
        }
      }
      double journeysIn = added[0][0];
      double convIn = added[1][0];
      double revIn = added[2][0];
      double convBefore = worth(all, convIn, journeysIn);
      double revBefore = worth(all, revIn, journeysIn);
      for (int j = 0; j < n; j++) {
        journeysIn += added[0][j + 1];
        convIn += added[1][j + 1];
        revIn += added[2][j + 1];
        double conv = worth(all, convIn, journeysIn);
        double rev = worth(all, revIn, journeysIn);
        int player = perm[j];
        sum[0][player] += conv - convBefore;
        squares[0][player] += (conv - convBefore) * (conv - convBefore);
        sum[1][player] += rev - revBefore;
        squares[1][player] += (rev - revBefore) * (rev - revBefore);
        convBefore = conv;
        revBefore = rev;
      }
    }
    Credits out = Credits.empty(name(), journeys.keys().names());
    double[] error = new double[2];
    for (int i = 0; i < n; i++) {
      out.conversions()[i] = sum[0][i] / permutations;
      out.revenueMicros()[i] = sum[1][i] / permutations;
      for (int c = 0; c < 2; c++) {
        double mean = sum[c][i] / permutations;
        double variance = Math.max(0, (squares[c][i] - permutations * mean * mean) / (permutations - 1));
        error[c] = Math.max(error[c], Math.sqrt(variance / permutations));
      }
    }
    return new Result(out, true, permutations, error[0], error[1]);
  }

  private double worth(double allJourneys, double amount, double journeys) {
    if (!byRate) {
      return amount;
    }
    return journeys == 0 ? 0 : allJourneys * amount / journeys;
  }

  private static double binomial(int n, int k) {
    double b = 1;
    for (int i = 1; i <= k; i++) {
      b = b * (n - k + i) / i;
    }
    return b;
  }
}
