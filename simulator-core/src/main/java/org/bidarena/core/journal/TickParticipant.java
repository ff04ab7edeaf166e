package org.bidarena.core.journal;

import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.Incarnation;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.scenario.Scenario;

/**
 * What every tick participant (customer shard, exchange partition, bidder) does the same way: report to
 * the Driver, stop the run loudly, journal the tick's event or check it against the journal after a
 * restore, and answer the recovery and snapshot signals.
 */
public final class TickParticipant<E extends TickEvent> {
  private final ActorContext<?> context;
  private final Participant self;
  private final Scenario scenario;
  private final RestorePoint restorePoint;
  private final Peers peers;

  public TickParticipant(
      ActorContext<?> context, Participant self, Scenario scenario, RestorePoint restorePoint, Peers peers) {
    this.context = context;
    this.self = self;
    this.scenario = scenario;
    this.restorePoint = restorePoint;
    this.peers = peers;
  }

  public Participant self() {
    return self;
  }

  /**
   * Journals the tick's event, then runs {@code announce} (the tick's outputs) and tells the Driver; on a
   * checkpoint tick the Driver hears of it once the snapshot is saved ({@link #snapshotSaved}). When the
   * journal already holds this tick, a re-run after a restore, the recomputed event is checked against
   * it byte for byte instead of being written again.
   */
  public <S> Effect<E, S> record(
      EffectFactories<E, S> effects, JournaledAhead<E> journaled, E event, long auctions, Runnable announce) {
    long tick = event.tick();
    E already = journaled.take(tick);
    if (already != null) {
      JournaledAhead.requireSame(context.getSystem(), self.toString(), already, event);
      return effects.none().thenRun(s -> {
        announce.run();
        reportDone(tick, false, auctions);
      });
    }
    boolean awaitSnapshot = scenario.isCheckpointTick(tick);
    return effects.persist(event).thenRun(s -> {
      announce.run();
      if (!awaitSnapshot) {
        reportDone(tick, false, auctions);
      }
    });
  }

  /** Keeps a replayed event after the restored checkpoint, to check the re-run against it. */
  public void replayed(JournaledAhead<E> journaled, long stateTick, E event) {
    if (event.tick() > stateTick) {
      journaled.add(event);
    }
  }

  public void reportDone(long tick, boolean checkpointSaved, long auctions) {
    peers.driver().tell(new DriverProtocol.TickDone(tick, self, checkpointSaved, auctions));
  }

  /** Logs the reason and tells the Driver, which stops the run. */
  public void fail(long tick, String reason) {
    context.getLog().error("{}: {}", self, reason);
    peers.driver().tell(new DriverProtocol.TickFailed(tick, self, reason));
  }

  /** After recovery the state must be the restore point's checkpoint, or the re-run would diverge. */
  public void recovered(long restoredTick) {
    if (restoredTick != restorePoint.tick()) {
      fail(restorePoint.tick() + 1, "has no snapshot of checkpoint tick " + restorePoint.tick()
          + " (restored tick " + restoredTick + ")");
    }
  }

  /**
   * Stops the entity for good and tells the Driver. Commands wait while a write is under way, so once the
   * Driver hears this nothing more of this incarnation reaches the journal.
   */
  public <S> Effect<E, S> halt(EffectFactories<E, S> effects, Incarnation incarnation) {
    return effects.none()
        .thenRun(s -> peers.driver().tell(new DriverProtocol.Halted(self, incarnation)))
        .thenStop();
  }

  public void snapshotSaved(long tick, long auctions) {
    reportDone(tick, true, auctions);
  }

  public void snapshotFailed(long tick, Throwable failure) {
    fail(tick, "could not save its checkpoint: " + failure.getMessage());
  }
}
