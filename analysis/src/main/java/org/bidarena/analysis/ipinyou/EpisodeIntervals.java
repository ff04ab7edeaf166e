package org.bidarena.analysis.ipinyou;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.stats.Bootstrap;
import org.bidarena.analysis.stats.PairedComparison;
import org.bidarena.analysis.stats.Verdict;
import org.bidarena.exchange.AuctionsCleared;

/**
 * Paired intervals between two algorithms of a log-replay benchmark at the same c0: both replay the same
 * episodes of the same log, so each episode is a pair. The figure is clicks, impressions or cost per episode
 * as the journal records them; the interval of the total over all episodes is n times that of the mean.
 */
public final class EpisodeIntervals {
  /** What is compared per episode. */
  public enum Figure {
    CLICKS, IMPRESSIONS, COST;

    public static Figure parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadInput("--metric " + text + ": use clicks, impressions or cost");
      }
    }

    long of(ReplayedRunReader.Totals t) {
      return switch (this) {
        case CLICKS -> t.clicks();
        case IMPRESSIONS -> t.impressions();
        case COST -> t.costMicros() / IpinyouBenchmarkRow.MICROS_PER_FEN;
      };
    }
  }

  /** Algorithm {@code b} against algorithm {@code a}: the difference is b - a. */
  public record Pair(String b, String a) {
    public static List<Pair> parse(List<String> texts) {
      List<Pair> pairs = new ArrayList<>();
      for (String t : texts) {
        String[] parts = t.trim().split("-");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank() || parts[0].equals(parts[1])) {
          throw new BadInput("--pairs " + t + ": give B-A with two different algorithms, e.g. lin-const,rlb-lin");
        }
        pairs.add(new Pair(parts[0], parts[1]));
      }
      return pairs;
    }

    public String label() {
      return b + " - " + a;
    }
  }

  /** One line: a pair at one c0, with its paired comparison over the episodes. */
  public record Line(String c0, Pair pair, long totalA, long totalB, PairedComparison perEpisode) {
    public int episodes() {
      return perEpisode.n();
    }

    public org.bidarena.analysis.stats.Interval totalBootstrap() {
      return perEpisode.bootstrap().times(episodes());
    }

    public org.bidarena.analysis.stats.Interval totalT() {
      return perEpisode.t().times(episodes());
    }
  }

  /** Collects each partition's figure per episode from the journaled episodes. */
  public static final class Collector implements Consumer<AuctionsCleared> {
    private final Map<Integer, Map<Long, Long>> byPartition = new TreeMap<>();
    private final Figure figure;

    public Collector(Figure figure) {
      this.figure = figure;
    }

    @Override
    public void accept(AuctionsCleared e) {
      byPartition.computeIfAbsent(e.partition(), p -> new TreeMap<>())
          .merge(e.tick(), figure.of(ReplayedRunReader.totalsOf(e)), Long::sum);
    }

    long[] episodes(int partition, int count) {
      Map<Long, Long> m = byPartition.getOrDefault(partition, Map.of());
      long[] out = new long[count];
      for (int k = 0; k < count; k++) {
        Long v = m.get((long) k);
        if (v == null) {
          throw new BadInput("the journal has no episode " + k + " for partition " + partition);
        }
        out[k] = v;
      }
      return out;
    }
  }

  private EpisodeIntervals() {}

  /**
   * The lines for every pair at every c0 where the benchmark played both algorithms. A pair named explicitly
   * that is found at no c0 is bad input; {@code requireEach} false skips such pairs (the defaults).
   */
  public static List<Line> compute(IpinyouBenchmarkManifest manifest, Collector episodes, List<Pair> pairs,
      Bootstrap bootstrap, boolean requireEach) {
    List<String> c0s = manifest.partitions().stream().map(IpinyouBenchmarkManifest.Partition::c0).distinct().toList();
    List<Line> lines = new ArrayList<>();
    for (Pair pair : pairs) {
      int found = 0;
      for (String c0 : c0s) {
        int pa = partition(manifest, pair.a(), c0);
        int pb = partition(manifest, pair.b(), c0);
        if (pa < 0 || pb < 0) {
          continue;
        }
        found++;
        long[] a = episodes.episodes(pa, manifest.episodes());
        long[] b = episodes.episodes(pb, manifest.episodes());
        lines.add(new Line(c0, pair, sum(a), sum(b), PairedComparison.of(doubles(a), doubles(b), bootstrap,
            Verdict.Direction.HIGHER_IS_BETTER)));
      }
      if (found == 0 && requireEach) {
        throw new BadInput("--pairs " + pair.b() + "-" + pair.a() + ": the benchmark did not play both at any c0 (it has "
            + manifest.partitions().stream().map(IpinyouBenchmarkManifest.Partition::agent).toList() + ")");
      }
    }
    if (lines.isEmpty()) {
      throw new BadInput("none of the pairs " + pairs.stream().map(Pair::label).toList() + " was played at one c0 in"
          + " this benchmark; give --pairs B-A of algorithms it played");
    }
    return lines;
  }

  private static int partition(IpinyouBenchmarkManifest m, String algorithm, String c0) {
    for (int p = 0; p < m.partitions().size(); p++) {
      if (m.partitions().get(p).algorithm().equals(algorithm) && m.partitions().get(p).c0().equals(c0)) {
        return p;
      }
    }
    return -1;
  }

  private static long sum(long[] x) {
    long s = 0;
    for (long v : x) {
      s += v;
    }
    return s;
  }

  private static double[] doubles(long[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  /** The table: per c0 and pair, the totals, the total difference and its 95% intervals, and the verdict. */
  public static String table(List<Line> lines, Figure figure) {
    String f = "%-6s %-12s %8s %10s %10s %8s  %-18s %-18s %s%n";
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, f, "c0", "B - A", "episodes", "total A", "total B",
        "B - A", "95% bootstrap", "95% t", "verdict"));
    for (Line l : lines) {
      b.append(String.format(Locale.ROOT, f, l.c0(), l.pair().label(), l.episodes(), l.totalA(), l.totalB(),
          signed(l.totalB() - l.totalA()), range(l.totalBootstrap()), range(l.totalT()), l.perEpisode().verdict().label()));
    }
    b.append(String.format(Locale.ROOT, "(%s summed over the episodes; each interval is of that total, from the paired"
        + " per-episode differences)%n", figure.name().toLowerCase(Locale.ROOT)));
    return b.toString();
  }

  public static String csv(List<Line> lines, Figure figure) {
    StringBuilder b = new StringBuilder("c0,algorithm_b,algorithm_a,figure,episodes,total_a,total_b,total_diff,"
        + "bootstrap_low,bootstrap_high,t_low,t_high,mean_diff_per_episode,sd_diff_per_episode,verdict\n");
    for (Line l : lines) {
      b.append(String.join(",", l.c0(), l.pair().b(), l.pair().a(), figure.name().toLowerCase(Locale.ROOT),
          Integer.toString(l.episodes()), Long.toString(l.totalA()), Long.toString(l.totalB()),
          Long.toString(l.totalB() - l.totalA()), num(l.totalBootstrap().low()), num(l.totalBootstrap().high()),
          num(l.totalT().low()), num(l.totalT().high()), num(l.perEpisode().meanDifference()),
          num(l.perEpisode().sdDifference()), l.perEpisode().verdict().label())).append('\n');
    }
    return b.toString();
  }

  private static String range(org.bidarena.analysis.stats.Interval i) {
    return "[" + signed(i.low()) + ", " + signed(i.high()) + "]";
  }

  /** A whole number as such (totals of clicks), else one decimal; a sign on every non-zero value. */
  private static String signed(double v) {
    String s = Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    return v > 0 ? "+" + s : s;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}
