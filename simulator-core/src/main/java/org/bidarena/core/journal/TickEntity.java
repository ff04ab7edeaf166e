package org.bidarena.core.journal;

import java.util.Set;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.SnapshotCompleted;
import org.apache.pekko.persistence.typed.SnapshotFailed;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerBuilderByState;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.Recovery;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.HaltRequest;
import org.bidarena.core.protocol.Incarnation;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.scenario.Scenario;

/**
 * The base of every tick entity (customer shard, exchange partition, bidder): what they do the same way.
 *
 * <p>A tick entity computes a tick in its command handler over its own mutable state, journals one event
 * for it with {@link #record}, and reports {@link DriverProtocol.TickDone} to the Driver. Its state is not
 * rebuilt from events: it restores the snapshot of its {@link RestorePoint} and the Driver re-runs the
 * ticks after it. Events the journal already holds for those ticks are kept by the event handler, and each
 * re-run event is checked against its journaled twin byte for byte instead of being written again.
 *
 * <p>The base also takes the checkpoint snapshots (on the scenario's checkpoint ticks, reporting the tick
 * done once the snapshot is saved), checks that recovery reached the restore point, stops the run loudly
 * on a failure, halts for a rewind, and tags every event.
 *
 * @param <C> the commands
 * @param <E> the one event of a tick
 * @param <S> the state, which the command handler changes in place
 * @param <K> the checkpoint a snapshot holds
 */
public abstract class TickEntity<C, E extends TickEvent, S extends TickState<E>, K>
    extends EventSourcedBehavior<C, E, S> {
  protected final Scenario scenario;
  protected final Peers peers;
  private final ActorContext<C> context;
  private final Participant self;
  private final RestorePoint restorePoint;
  private final Set<String> tags;

  protected TickEntity(
      ActorContext<C> context, Participant self, PersistenceId persistenceId, String tag, Scenario scenario,
      RestorePoint restorePoint, Peers peers) {
    super(persistenceId);
    this.context = context;
    this.self = self;
    this.tags = Set.of(tag);
    this.scenario = scenario;
    this.restorePoint = restorePoint;
    this.peers = peers;
  }

  /** Adds a handler for each command of the entity's protocol but its Halt, which the base handles. */
  protected abstract void onCommands(CommandHandlerBuilderByState<C, E, S, S> commands);

  /** The snapshot of the state after a checkpoint tick; called in the actor, before the next tick. */
  protected abstract K checkpointOf(S state);

  /** The state restored from a snapshot. */
  protected abstract S restore(K checkpoint);

  /** The auctions the last completed tick cleared, which the Driver counts; only an exchange has any. */
  protected long auctionsOf(S state) {
    return 0;
  }

  /**
   * Journals the tick's event, then runs {@code announce} (the tick's outputs) and tells the Driver; on a
   * checkpoint tick the Driver hears of it once the snapshot is saved. When the journal already holds this
   * tick (a re-run after a restore) the event is checked against it instead of being written again.
   */
  protected final Effect<E, S> record(S state, E event, Runnable announce) {
    long tick = event.tick();
    long auctions = auctionsOf(state);
    if (checkedAgainstJournal(state, event)) {
      return Effect().none().thenRun(s -> {
        announce.run();
        reportDone(tick, false, auctions);
      });
    }
    boolean awaitSnapshot = scenario.isCheckpointTick(tick);
    return Effect().persist(event).thenRun(s -> {
      announce.run();
      if (!awaitSnapshot) {
        reportDone(tick, false, auctions);
      }
    });
  }

  /**
   * Journals the event of a tick the Driver does not pace (a replayed log's episode), or checks it on a
   * re-run, then runs {@code then}. The Driver hears nothing of it.
   */
  protected final Effect<E, S> recordUnpaced(S state, E event, Runnable then) {
    if (checkedAgainstJournal(state, event)) {
      then.run();
      return Effect().none();
    }
    return Effect().persist(event).thenRun(s -> then.run());
  }

  /**
   * True when the journal already holds the event's tick (a re-run), after checking that the event
   * reproduces it exactly; a difference throws {@link JournaledAhead.DeterminismViolation}.
   */
  private boolean checkedAgainstJournal(S state, E event) {
    E journaled = state.journaled.take(event.tick());
    if (journaled == null) {
      return false;
    }
    JournaledAhead.requireSame(context.getSystem(), self.toString(), journaled, event);
    return true;
  }

  /** Logs the reason and tells the Driver, which stops the run; the entity itself carries on. */
  protected final Effect<E, S> fail(long tick, String reason) {
    context.getLog().error("{}: {}", self, reason);
    peers.driver().tell(new DriverProtocol.TickFailed(tick, self, reason));
    return Effect().none();
  }

  /**
   * Stops the entity for good and tells the Driver. Commands wait while a write is under way, so once the
   * Driver hears this nothing more of this incarnation reaches the journal.
   */
  private Effect<E, S> halt(Incarnation incarnation) {
    return Effect().none()
        .thenRun(s -> peers.driver().tell(new DriverProtocol.Halted(self, incarnation)))
        .thenStop();
  }

  private void reportDone(long tick, boolean checkpointSaved, long auctions) {
    peers.driver().tell(new DriverProtocol.TickDone(tick, self, checkpointSaved, auctions));
  }

  @Override
  public final CommandHandler<C, E, S> commandHandler() {
    CommandHandlerBuilderByState<C, E, S, S> commands = newCommandHandlerBuilder().forAnyState();
    onCommands(commands);
    return commands
        .onCommand(HaltRequest.class::isInstance, (state, halt) -> halt(((HaltRequest) halt).incarnation()))
        .build();
  }

  @Override
  public final Recovery recovery() {
    return restorePoint.recovery();
  }

  @Override
  public final EventHandler<S, E> eventHandler() {
    // Live, the command handler has already moved the state to the event's tick. In recovery, events
    // after the restored checkpoint are kept to check the re-run against.
    return newEventHandlerBuilder()
        .forAnyState()
        .onAnyEvent((state, event) -> {
          if (event.tick() > state.tick()) {
            state.journaled.add(event);
          }
          return state;
        });
  }

  @Override
  public final boolean shouldSnapshot(S state, E event, long sequenceNr) {
    return scenario.isCheckpointTick(event.tick());
  }

  @Override
  public final SnapshotAdapter<S> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(S state) {
        return checkpointOf(state);
      }

      @Override
      @SuppressWarnings("unchecked")
      public S fromJournal(Object from) {
        return restore((K) from);
      }
    };
  }

  @Override
  public final SignalHandler<S> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> recovered(state.tick()))
        .onSignal(SnapshotCompleted.class, (state, done) -> reportDone(state.tick(), true, auctionsOf(state)))
        .onSignal(SnapshotFailed.class, (state, failed) ->
            fail(state.tick(), "could not save its checkpoint: " + failed.getFailure().getMessage()))
        .build();
  }

  /** After recovery the state must be the restore point's checkpoint, or the re-run would diverge. */
  private void recovered(long restoredTick) {
    if (restoredTick != restorePoint.tick()) {
      fail(restorePoint.tick() + 1, "has no snapshot of checkpoint tick " + restorePoint.tick()
          + " (restored tick " + restoredTick + ")");
    }
  }

  @Override
  public final Set<String> tagsFor(E event) {
    return tags;
  }
}
