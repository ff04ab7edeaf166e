package org.bidarena.app.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.journal.Tagged;
import org.apache.pekko.persistence.journal.japi.AsyncWriteJournal;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.bidarena.analysis.metrics.JournalDigest;
import org.bidarena.core.journal.TickEvent;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A journal plugin that stores nothing: it serializes every event exactly as a real journal would and
 * folds it into the run's {@link JournalDigest}. Benchmarks use it to measure the simulator without a
 * database while still checking that the result is the journaled one.
 */
public final class DigestingJournal extends AsyncWriteJournal {
  private static final Map<String, JournalDigest> DIGESTS = new ConcurrentHashMap<>();

  private final Serialization serialization = SerializationExtension.get(context().system());
  private final JournalDigest digest = new JournalDigest();

  public DigestingJournal() {
    DIGESTS.put(context().system().name(), digest);
  }

  /** The digest of everything the named actor system journaled so far. */
  public static String digestOf(String systemName) {
    JournalDigest d = DIGESTS.get(systemName);
    if (d == null) {
      throw new IllegalStateException("no digesting journal ran in actor system " + systemName);
    }
    return d.hex();
  }

  @Override
  public Future<Iterable<Optional<Exception>>> doAsyncWriteMessages(Iterable<AtomicWrite> messages) {
    List<Optional<Exception>> results = new ArrayList<>();
    for (AtomicWrite write : messages) {
      for (PersistentRepr repr : CollectionConverters.asJava(write.payload())) {
        Object event = repr.payload() instanceof Tagged t ? t.payload() : repr.payload();
        if (event instanceof TickEvent) {
          byte[] bytes = serialization.serialize(event).get();
          digest.add(repr.persistenceId(), Serializers.manifestFor(serialization.findSerializerFor(event), event), bytes);
        }
      }
      results.add(Optional.empty());
    }
    return Future.successful(results);
  }

  @Override
  public Future<Void> doAsyncDeleteMessagesTo(String persistenceId, long toSequenceNr) {
    return Future.successful(null);
  }

  @Override
  public Future<Void> doAsyncReplayMessages(
      String persistenceId, long fromSequenceNr, long toSequenceNr, long max, Consumer<PersistentRepr> replayCallback) {
    return Future.successful(null);
  }

  @Override
  public Future<Long> doAsyncReadHighestSequenceNr(String persistenceId, long fromSequenceNr) {
    return Future.successful(0L);
  }
}
