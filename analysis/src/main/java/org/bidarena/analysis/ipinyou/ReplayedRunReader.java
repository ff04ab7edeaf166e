package org.bidarena.analysis.ipinyou;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.stream.javadsl.Sink;
import org.bidarena.analysis.metrics.JournalDigest;
import org.bidarena.core.journal.TickEvent;
import org.bidarena.exchange.AuctionsCleared;
import org.bidarena.exchange.LogReplayClearing;

/**
 * Reads a replayed bid log's journal back (Pekko Persistence Query) and totals, per exchange partition,
 * what its agent bought: the figures of a benchmark row, recomputed from the raw AuctionsCleared events,
 * and the journal digest computed as for a simulated run.
 */
public final class ReplayedRunReader {
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private ReplayedRunReader() {}

  /** One partition's totals; money in micros. */
  public record Totals(String agent, long episodes, long auctions, long impressions, long clicks, long costMicros) {}

  public record Contents(Map<Integer, Totals> byPartition, String digest) {}

  public static Contents read(ActorSystem<?> system) throws Exception {
    return read(system, e -> {});
  }

  /**
   * As {@link #read(ActorSystem)}, handing every replayed episode to {@code each}, on the calling thread, in
   * the order of persistence ids and, within each, of sequence numbers.
   */
  public static Contents read(ActorSystem<?> system, Consumer<AuctionsCleared> each) throws Exception {
    JdbcReadJournal journal =
        PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    Serialization serialization = SerializationExtension.get(system);
    List<String> ids = journal.currentPersistenceIds().runWith(Sink.seq(), system)
        .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JournalDigest digest = new JournalDigest();
    Map<Integer, Totals> totals = new TreeMap<>();
    for (String id : ids.stream().sorted().toList()) {
      // One persistence id at a time (a partition's episodes, a few MB), handled on the calling thread.
      List<EventEnvelope> envelopes = journal.currentEventsByPersistenceId(id, 0L, Long.MAX_VALUE)
          .runWith(Sink.seq(), system).toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      for (EventEnvelope env : envelopes) {
        Object event = env.event();
        if (!(event instanceof TickEvent)) {
          continue;
        }
        byte[] bytes = serialization.serialize(event).get();
        digest.add(id, Serializers.manifestFor(serialization.findSerializerFor(event), event), bytes);
        if (event instanceof AuctionsCleared e && e.replayed()) {
          totals.merge(e.partition(), totalsOf(e), ReplayedRunReader::sum);
          each.accept(e);
        }
      }
    }
    return new Contents(totals, digest.hex());
  }

  public static Totals totalsOf(AuctionsCleared e) {
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
