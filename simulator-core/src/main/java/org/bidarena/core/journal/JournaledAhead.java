package org.bidarena.core.journal;

import java.util.Arrays;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;

/**
 * The events a participant finds in its journal after the checkpoint it restored.
 *
 * <p>When a run resumes, the Driver re-runs the ticks after the checkpoint. A participant that already
 * journaled a tick does not journal it again: it recomputes the event and checks it against the journaled
 * one, byte for byte. A difference is a determinism bug and stops the run.
 */
public final class JournaledAhead<E extends TickEvent> {
  private final TreeMap<Long, E> byTick = new TreeMap<>();

  public void add(E event) {
    byTick.put(event.tick(), event);
  }

  /** Removes and returns the journaled event of this tick, or null when the tick is new. */
  public E take(long tick) {
    return byTick.remove(tick);
  }

  /** Forgets the events up to and including this tick: a newer checkpoint covers them. */
  public void dropThrough(long tick) {
    byTick.headMap(tick, true).clear();
  }

  public boolean isEmpty() {
    return byTick.isEmpty();
  }

  /** Throws {@link DeterminismViolation} when the recomputed event differs from the journaled one. */
  public static void requireSame(ActorSystem<?> system, String who, TickEvent journaled, TickEvent recomputed) {
    Serialization serialization = SerializationExtension.get(system);
    byte[] a = serialization.serialize(journaled).get();
    byte[] b = serialization.serialize(recomputed).get();
    if (!Arrays.equals(a, b)) {
      throw new DeterminismViolation(
          who + " re-ran tick " + recomputed.tick() + " and got a different " + recomputed.getClass().getSimpleName()
              + " than the journal holds (" + a.length + " vs " + b.length + " bytes)");
    }
  }

  /** A re-run tick did not reproduce its journaled event. */
  public static final class DeterminismViolation extends IllegalStateException {
    public DeterminismViolation(String message) {
      super(message);
    }
  }
}
