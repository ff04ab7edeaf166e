package org.bidarena.analysis.journal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.bidarena.agents.Bidder;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.metrics.RunMetrics;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.shard.CustomerShard;
import org.bidarena.exchange.AuctionsCleared;
import org.bidarena.exchange.Exchange;

/**
 * A finished (or stopped) run as its journal records it, read through Pekko Persistence Query by tag.
 *
 * <p>Reading checks that the journal belongs to the folder: its {@code RunStarted} must carry the
 * scenario fingerprint and seed of {@code run.json}. The auctions and outcomes are kept, in tick order,
 * for the analysis commands.
 */
public record RecordedRun(
    RunFolder folder,
    Scenario scenario,
    RunStarted started,
    RunSummary summary,
    List<BidderTickSettled> ticks,
    List<AuctionsCleared> auctions,
    List<OutcomesRecorded> outcomes) {

  private static final List<String> TAGS =
      List.of(Driver.TICKS_TAG, Exchange.AUCTIONS_TAG, CustomerShard.OUTCOMES_TAG, Bidder.SETTLED_TAG);

  /** Reads the run in {@code folder} from {@code journal}; {@code keepEvents} keeps auctions and outcomes. */
  public static RecordedRun read(RunFolder folder, JournalSettings journal, String where, boolean keepEvents) {
    Scenario scenario = folder.scenario();
    probe(journal, where);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bidarena-replay", config(journal));
    RunStarted[] started = {null};
    try {
      JdbcReadJournal query =
          PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
      // The run's fingerprint first: a journal of another run is refused as such, whatever its other events.
      started[0] = query.currentEventsByPersistenceId(Driver.PERSISTENCE_ID, 1L, 1L)
          .runWith(Sink.headOption(), system).toCompletableFuture().get(5, TimeUnit.MINUTES)
          .map(env -> env.event() instanceof RunStarted r ? r : null).orElse(null);
      requireSameRun(folder, scenario, started[0], where);
      RunMetrics metrics = new RunMetrics(scenario, SerializationExtension.get(system));
      List<AuctionsCleared> auctions = new ArrayList<>();
      List<OutcomesRecorded> outcomes = new ArrayList<>();
      // The tags are read side by side; each persistence id has one tag, so its events stay in order.
      Source.from(TAGS)
          .flatMapMerge(TAGS.size(), tag -> query.currentEventsByTag(tag, Offset.noOffset()))
          .runWith(Sink.foreach((EventEnvelope env) -> {
            Object event = env.event();
            metrics.add(env.persistenceId(), env.sequenceNr(), event);
            if (event instanceof RunStarted r) {
              started[0] = r;
            } else if (keepEvents && event instanceof AuctionsCleared a) {
              auctions.add(a);
            } else if (keepEvents && event instanceof OutcomesRecorded o) {
              outcomes.add(o);
            }
          }), system)
          .toCompletableFuture().get(30, TimeUnit.MINUTES);
      requireSameRun(folder, scenario, started[0], where);
      auctions.sort((a, b) -> a.tick() != b.tick() ? Long.compare(a.tick(), b.tick())
          : Integer.compare(a.partition(), b.partition()));
      outcomes.sort((a, b) -> a.tick() != b.tick() ? Long.compare(a.tick(), b.tick())
          : Integer.compare(a.shard(), b.shard()));
      return new RecordedRun(folder, scenario, started[0], metrics.summary(), metrics.ticks(), auctions, outcomes);
    } catch (BadInput e) {
      throw e;
    } catch (Exception e) {
      // Events of another run's agents fail the stream; say that the run differs, not that it is unreadable.
      if (started[0] != null) {
        requireSameRun(folder, scenario, started[0], where);
      }
      throw new BadInput("the journal " + where + " cannot be read: " + rootMessage(e));
    } finally {
      system.terminate();
      try {
        system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // The answer is already complete; a slow shutdown changes nothing.
      }
    }
  }

  /**
   * Opens the database once with plain JDBC and looks for the journal table, so that a corrupt file or a
   * database without a journal is refused at once (the query side would keep retrying the connection).
   */
  public static void probe(JournalSettings journal, String where) {
    try (Connection c = DriverManager.getConnection(journal.url(), journal.user(), journal.password());
        ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        if (tables.getString("TABLE_NAME").equalsIgnoreCase("event_journal")) {
          return;
        }
      }
      throw new BadInput("the journal " + where + " holds no run (no event_journal table)");
    } catch (SQLException e) {
      throw new BadInput("the journal " + where + " cannot be read: " + rootMessage(e));
    }
  }

  private static void requireSameRun(RunFolder folder, Scenario scenario, RunStarted started, String where) {
    if (started == null) {
      throw new BadInput("the journal " + where + " holds no run (no RunStarted event)");
    }
    String recorded = folder.recordedSha256();
    if (!started.scenarioSha256().equals(recorded) || started.seed() != scenario.seed()) {
      throw new BadInput("the journal " + where + " belongs to another scenario or seed than " + folder.runJson()
          + " (journal: seed " + started.seed() + ", scenario " + started.scenarioSha256().substring(0, 12)
          + "; run.json: seed " + scenario.seed() + ", scenario " + recorded.substring(0, 12) + ")");
    }
  }

  /** A read-only node: the node configuration without cluster or remoting, only the journal's read side. */
  public static Config config(JournalSettings journal) {
    return ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING")
        .withFallback(journal.toConfig())
        .withFallback(ConfigFactory.parseResources("bidarena-node.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
