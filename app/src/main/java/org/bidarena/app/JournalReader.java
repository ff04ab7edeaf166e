package org.bidarena.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.stream.javadsl.Sink;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.journal.TickEvent;
import org.bidarena.core.scenario.AgentSpec;
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
    Serialization serialization = SerializationExtension.get(system);
    List<String> ids = journal.currentPersistenceIds().runWith(Sink.seq(), system)
        .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JournalDigest digest = new JournalDigest();
    Map<String, Totals> byAgent = new LinkedHashMap<>();
    for (AgentSpec agent : scenario.agents()) {
      byAgent.put(agent.id(), new Totals());
    }
    List<BidderTickSettled> ticks = new ArrayList<>();
    long[] funnel = new long[Stage.COUNT];
    long[] lastTick = {-1};
    long[] auctions = {0};
    for (String id : ids.stream().sorted().toList()) {
      int[][] lastStageCounts = {null};
      journal.currentEventsByPersistenceId(id, 0L, Long.MAX_VALUE)
          .runWith(Sink.foreach((EventEnvelope env) -> {
            Object event = env.event();
            if (!(event instanceof TickEvent)) {
              return;
            }
            byte[] bytes = serialization.serialize(event).get();
            String manifest = Serializers.manifestFor(serialization.findSerializerFor(event), event);
            digest.add(id, manifest, bytes);
            if (event instanceof BidderTickSettled s) {
              ticks.add(s);
              byAgent.get(s.agent()).add(s);
            } else if (event instanceof OutcomesRecorded o) {
              lastStageCounts[0] = o.outcomes().stageCounts();
            } else if (event instanceof TickCompleted t) {
              lastTick[0] = Math.max(lastTick[0], t.tick());
              auctions[0] += t.auctions();
            }
          }), system)
          .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (lastStageCounts[0] != null) {
        for (int s = 0; s < Stage.COUNT; s++) {
          funnel[s] += lastStageCounts[0][s];
        }
      }
    }
    ticks.sort(Comparator.comparingLong(BidderTickSettled::tick)
        .thenComparingInt(s -> scenario.agentIndex(s.agent())));
    List<AgentMetrics> agents = new ArrayList<>();
    long impressions = 0;
    for (AgentSpec agent : scenario.agents()) {
      Totals t = byAgent.get(agent.id());
      agents.add(t.metrics(agent));
      impressions += t.impressions;
    }
    RunSummary summary = new RunSummary(
        scenario.name(), scenario.seed(), digest.hex(), lastTick[0] + 1, auctions[0], impressions, agents, funnel);
    return new Contents(summary, ticks, lastTick[0]);
  }

  private static final class Totals {
    long auctions, bids, bidSum, impressions, clicks, conversions, spend, revenue, maxDailySpend;

    void add(BidderTickSettled s) {
      auctions += s.auctions();
      bids += s.bids();
      bidSum += s.bidSumMicros();
      impressions += s.impressions();
      clicks += s.clicks();
      conversions += s.conversions();
      spend += s.spendMicros();
      revenue += s.revenueMicros();
      maxDailySpend = Math.max(maxDailySpend, s.spentTodayMicros());
    }

    AgentMetrics metrics(AgentSpec agent) {
      return new AgentMetrics(
          agent.id(), agent.strategy().key(), agent.dailyBudgetMicros(), auctions, bids, bidSum, impressions, clicks,
          conversions, spend, revenue, maxDailySpend);
    }
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
