package org.bidarena.analysis.journal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.stream.javadsl.Sink;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.metrics.JournalDigest;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.journal.TickEvent;
import org.bidarena.core.scenario.Scenario;

/**
 * Reads a journal back through Pekko Persistence Query: the one walk that the run's summary, replay, the
 * analysis commands and the iPinYou benchmark share. Persistence ids are read in sorted order, one at a
 * time, each id's events in sequence-number order, and handed to a {@link JournalVisitor} on the calling thread;
 * the walk also computes the journal's digest on the way.
 */
public final class JournalReader {
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private JournalReader() {}

  /** Work done on a read-only node. */
  public interface Read<T> {
    T apply(ActorSystem<?> system) throws Exception;
  }

  /** Visits every event of the journal that {@code system} reads, and returns the journal's digest. */
  public static String walk(ActorSystem<?> system, JournalVisitor visitor) throws Exception {
    return walk(system, Long.MAX_VALUE, visitor);
  }

  /**
   * As {@link #walk(ActorSystem, JournalVisitor)}, leaving out the tick events after {@code lastTick}, from the
   * digest too: the ticks of an unfinished run that the Driver never completed.
   */
  public static String walk(ActorSystem<?> system, long lastTick, JournalVisitor visitor) throws Exception {
    JdbcReadJournal journal =
        PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    Serialization serialization = SerializationExtension.get(system);
    List<String> ids = journal.currentPersistenceIds().runWith(Sink.seq(), system)
        .toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JournalDigest digest = new JournalDigest();
    for (String id : ids.stream().sorted().toList()) {
      // One persistence id at a time (an exchange partition's auctions, a few MB), on the calling thread.
      List<EventEnvelope> envelopes = journal.currentEventsByPersistenceId(id, 0L, Long.MAX_VALUE)
          .runWith(Sink.seq(), system).toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      for (EventEnvelope env : envelopes) {
        Object event = env.event();
        if (event instanceof TickEvent t && t.tick() > lastTick) {
          continue;
        }
        if (event instanceof TickEvent) {
          byte[] bytes = serialization.serialize(event).get();
          digest.add(id, Serializers.manifestFor(serialization.findSerializerFor(event), event), bytes);
        }
        visitor.event(id, env.sequenceNr(), event);
      }
    }
    return digest.hex();
  }

  /** The summary, settled ticks and last tick of the simulated run whose journal {@code system} reads. */
  public static RunJournal read(ActorSystem<?> system, Scenario scenario) throws Exception {
    JournalMetrics metrics = new JournalMetrics(scenario);
    String digest = walk(system, metrics);
    return metrics.contents(digest);
  }

  /**
   * Runs {@code read} on a read-only node over {@code journal} and stops the node after. The journal is
   * probed first, and any failure but bad input becomes one line saying that {@code where} cannot be read.
   */
  public static <T> T onReadSide(JournalSettings journal, String where, Read<T> read) {
    probe(journal, where);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bidarena-replay", config(journal));
    try {
      return read.apply(system);
    } catch (BadInput e) {
      throw e;
    } catch (Exception e) {
      throw new BadInput("the journal " + where + " cannot be read: " + BadInput.rootMessage(e));
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
   * A cheap fingerprint of the journal's state, without reading its events: every persistence id with its
   * highest sequence number and its count of rows. Any event journaled since changes it.
   */
  public static String stamp(JournalSettings journal, String where) {
    String table = probe(journal, where);
    try (Connection c = DriverManager.getConnection(journal.connectionUrl(), journal.user(), journal.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"persistence_id\", max(\"sequence_number\"), count(*) FROM \"" + table
            + "\" GROUP BY \"persistence_id\" ORDER BY \"persistence_id\"")) {
      StringBuilder b = new StringBuilder();
      while (rs.next()) {
        b.append(rs.getString(1)).append(' ').append(rs.getLong(2)).append(' ').append(rs.getLong(3)).append('\n');
      }
      return RunFolder.sha256(b.toString());
    } catch (SQLException e) {
      throw new BadInput("the journal " + where + " cannot be read: " + BadInput.rootMessage(e));
    }
  }

  /**
   * Opens the database once with plain JDBC and looks for the journal table, so that a corrupt file or a
   * database without a journal is refused at once (the query side would keep retrying the connection).
   */
  private static String probe(JournalSettings journal, String where) {
    try (Connection c = DriverManager.getConnection(journal.connectionUrl(), journal.user(), journal.password());
        ResultSet tables = c.getMetaData().getTables(null, journal.schema(), "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        if (tables.getString("TABLE_NAME").equalsIgnoreCase("event_journal")) {
          return tables.getString("TABLE_NAME");
        }
      }
      throw new BadInput("the journal " + where + " holds no run (no event_journal table)");
    } catch (SQLException e) {
      throw new BadInput("the journal " + where + " cannot be read: " + BadInput.rootMessage(e));
    }
  }

  /** A read-only node: the node configuration without cluster or remoting, only the journal's read side. */
  private static Config config(JournalSettings journal) {
    return ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING")
        .withFallback(journal.toConfig())
        .withFallback(ConfigFactory.parseResources("bidarena-node.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }
}
