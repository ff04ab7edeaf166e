package org.bidarena.analysis.journal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.stream.javadsl.Sink;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.analysis.metrics.RunMetrics;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.core.scenario.Scenario;

/**
 * Reads a run's journal back through Pekko Persistence Query and derives what a run reports: the
 * digest, the per-agent metrics, the funnel and the per-tick rows.
 */
public final class JournalReader {
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private JournalReader() {}

  /** What the journal says about a run. */
  public record Contents(RunSummary summary, List<BidderTickSettled> ticks, long lastTick) {}

  public static Contents read(ActorSystem<?> system, Scenario scenario) throws Exception {
    JdbcReadJournal journal =
        PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    List<String> ids = journal.currentPersistenceIds().runWith(Sink.seq(), system)
        .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    RunMetrics metrics = new RunMetrics(scenario, SerializationExtension.get(system));
    for (String id : ids.stream().sorted().toList()) {
      journal.currentEventsByPersistenceId(id, 0L, Long.MAX_VALUE)
          .runWith(Sink.foreach((EventEnvelope env) -> metrics.add(id, env.sequenceNr(), env.event())), system)
          .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    return new Contents(metrics.summary(), metrics.ticks(), metrics.lastTick());
  }

  /** The per-tick, per-agent metrics as CSV. */
  public static String ticksCsv(Scenario scenario, List<BidderTickSettled> ticks) {
    StringBuilder b = new StringBuilder(
        "tick,day,tick_of_day,agent,auctions,bids,bid_sum_micros,impressions,clicks,conversions,spend_micros,"
            + "revenue_micros,spent_today_micros,multiplier\n");
    for (BidderTickSettled s : ticks) {
      b.append(s.tick()).append(',').append(scenario.day(s.tick())).append(',').append(scenario.tickOfDay(s.tick()))
          .append(',').append(s.agent()).append(',').append(s.auctions()).append(',').append(s.bids()).append(',')
          .append(s.bidSumMicros()).append(',').append(s.impressions()).append(',').append(s.clicks()).append(',')
          .append(s.conversions()).append(',').append(s.spendMicros()).append(',').append(s.revenueMicros())
          .append(',').append(s.spentTodayMicros()).append(',').append(RunSummary.ratio(s.multiplier())).append('\n');
    }
    return b.toString();
  }
}
