package org.bidarena.analysis.ipinyou;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bidarena.analysis.journal.JournalReader;
import org.bidarena.exchange.AuctionsCleared;
import org.bidarena.exchange.LogReplayClearing;

/**
 * Reads a replayed bid log's journal back (Pekko Persistence Query) and totals, per exchange partition,
 * what its agent bought: the figures of a benchmark row, recomputed from the raw AuctionsCleared events,
 * and the journal digest computed as for a simulated run.
 */
public final class ReplayedRunReader {
  private ReplayedRunReader() {}

  /** One partition's totals; money in micros. */
  public record Totals(String agent, long episodes, long auctions, long impressions, long clicks, long costMicros) {}

  public record Contents(Map<Integer, Totals> byPartition, String digest) {
    /** The journal must give every figure of the table; a difference means the run folder is wrong. */
    public void requireFigures(List<IpinyouBenchmarkRow> rows) {
      for (int p = 0; p < rows.size(); p++) {
        IpinyouBenchmarkRow row = rows.get(p);
        Totals t = byPartition.get(p);
        if (t == null || t.auctions() != row.auctions() || t.impressions() != row.impressions()
            || t.clicks() != row.clicks() || t.costMicros() != row.cost() * IpinyouBenchmarkRow.MICROS_PER_FEN) {
          throw new IllegalStateException("the journal of partition " + p + " (" + t + ") does not give the figures of "
              + row.algorithm() + " at c0=" + row.c0());
        }
      }
    }
  }

  public static Contents read(ActorSystem<?> system) throws Exception {
    return read(system, e -> {});
  }

  /**
   * As {@link #read(ActorSystem)}, handing every replayed episode to {@code each}, on the calling thread, in
   * the order of persistence ids and, within each, of sequence numbers.
   */
  public static Contents read(ActorSystem<?> system, Consumer<AuctionsCleared> each) throws Exception {
    Map<Integer, Totals> totals = new TreeMap<>();
    String digest = JournalReader.walk(system, (id, seqNr, event) -> {
      if (event instanceof AuctionsCleared e && e.replayed()) {
        totals.merge(e.partition(), totalsOf(e), ReplayedRunReader::sum);
        each.accept(e);
      }
    });
    return new Contents(totals, digest);
  }

  static Totals totalsOf(AuctionsCleared e) {
    long impressions = 0;
    long clicks = 0;
    long cost = 0;
    for (int i = 0; i < e.auctions(); i++) {
      if (e.winners()[i] == LogReplayClearing.AGENT) {
        impressions++;
        clicks += e.loggedClicks()[i];
        cost += e.pricesMicros()[i];
      }
    }
    return new Totals(e.agents().get(LogReplayClearing.AGENT), 1, e.auctions(), impressions, clicks, cost);
  }

  private static Totals sum(Totals a, Totals b) {
    return new Totals(a.agent(), a.episodes() + b.episodes(), a.auctions() + b.auctions(),
        a.impressions() + b.impressions(), a.clicks() + b.clicks(), a.costMicros() + b.costMicros());
  }
}
