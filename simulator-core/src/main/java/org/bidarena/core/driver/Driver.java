package org.bidarena.core.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import java.util.Set;
import org.bidarena.core.events.CheckpointCompleted;
import org.bidarena.core.events.CoreEvent;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.journal.JournaledAhead;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.DriverProtocol.Command;
import org.bidarena.core.protocol.DriverProtocol.TickDone;
import org.bidarena.core.protocol.DriverProtocol.TickFailed;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.scenario.Scenario;

/**
 * Advances simulated time: the barrier of every tick. A cluster singleton.
 *
 * <p>Protocol: {@link Start} begins (or resumes) the run; the Driver sends {@link ShardProtocol.Tick} to
 * every CustomerShard and waits for {@link TickDone} from every shard, exchange partition and bidder
 * before it journals {@link TickCompleted} and starts the next tick. On a checkpoint tick where every
 * participant saved its snapshot it also journals {@link CheckpointCompleted}. A {@link TickFailed} or a
 * tick that outlives the tick timeout ends the run with a reason.
 */
public final class Driver extends EventSourcedBehavior<Command, CoreEvent, Driver.State> {
  public static final String PERSISTENCE_ID = "Driver";
  public static final String TICKS_TAG = "ticks";

  /** Begin the run, or continue it from the checkpoint the participants were started at. */
  public record Start(RunStarted run, RestorePoint restorePoint, ActorRef<RunProgress> observer) implements Command {}

  private record TickTimedOut(long tick) implements Command {}

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Scenario scenario;
  private final Peers peers;
  private final Duration tickTimeout;
  private final List<Participant> participants;

  private ActorRef<RunProgress> observer;
  private long current = -1;
  private final TreeSet<Participant> waitingFor = new TreeSet<>();
  private long auctions;
  private int checkpointsSaved;

  /** The run as journaled: what was started, and how far it got. */
  public static final class State {
    RunStarted run;
    long lastCompleted = -1;
    long lastCheckpoint = -1;
    final JournaledAhead<TickCompleted> journaled = new JournaledAhead<>();
  }

  public static Behavior<Command> create(Scenario scenario, Peers peers, Duration tickTimeout) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new Driver(ctx, timers, scenario, peers, tickTimeout)));
  }

  private Driver(
      ActorContext<Command> context, TimerScheduler<Command> timers, Scenario scenario, Peers peers,
      Duration tickTimeout) {
    super(PersistenceId.ofUniqueId(PERSISTENCE_ID));
    this.context = context;
    this.timers = timers;
    this.scenario = scenario;
    this.peers = peers;
    this.tickTimeout = tickTimeout;
    this.participants = participantsOf(scenario);
  }

  /** Everyone who reports {@link TickDone} for a tick. */
  public static List<Participant> participantsOf(Scenario scenario) {
    List<Participant> all = new ArrayList<>();
    for (int k = 0; k < scenario.shards(); k++) all.add(new Participant(Participant.Kind.SHARD, k));
    for (int p = 0; p < scenario.partitions(); p++) all.add(new Participant(Participant.Kind.EXCHANGE, p));
    for (int a = 0; a < scenario.agentCount(); a++) all.add(new Participant(Participant.Kind.BIDDER, a));
    return List.copyOf(all);
  }

  @Override
  public State emptyState() {
    return new State();
  }

  @Override
  public CommandHandler<Command, CoreEvent, State> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(Start.class, this::onStart)
        .onCommand(TickDone.class, this::onTickDone)
        .onCommand(TickFailed.class, (state, failed) -> stop("tick " + failed.tick() + ": " + failed.who() + " " + failed.reason()))
        .onCommand(TickTimedOut.class, this::onTimeout)
        .build();
  }

  private Effect<CoreEvent, State> onStart(State state, Start start) {
    observer = start.observer();
    if (state.run == null) {
      if (!start.restorePoint().isStart()) {
        return stop("the journal has no run to resume");
      }
      return Effect().persist(start.run()).thenRun(s -> startTick(0));
    }
    if (!state.run.scenarioSha256().equals(start.run().scenarioSha256()) || state.run.seed() != start.run().seed()) {
      return stop("the journal belongs to another scenario or seed (journal seed " + state.run.seed()
          + ", scenario " + state.run.scenarioSha256().substring(0, 12) + ")");
    }
    if (start.restorePoint().tick() != state.lastCheckpoint) {
      return stop("participants were started at checkpoint " + start.restorePoint().tick()
          + " but the last complete checkpoint is " + state.lastCheckpoint);
    }
    if (state.lastCompleted >= scenario.totalTicks() - 1) {
      return Effect().none().thenRun(s -> observer.tell(new RunProgress.RunFinished(s.lastCompleted)));
    }
    context.getLog().info("resuming from checkpoint {} (last completed tick {})", state.lastCheckpoint, state.lastCompleted);
    return Effect().none().thenRun(s -> startTick(s.lastCheckpoint + 1));
  }

  private void startTick(long tick) {
    current = tick;
    waitingFor.clear();
    waitingFor.addAll(participants);
    auctions = 0;
    checkpointsSaved = 0;
    timers.startSingleTimer(new TickTimedOut(tick), tickTimeout);
    for (int k = 0; k < scenario.shards(); k++) {
      peers.shard(k).tell(new ShardProtocol.Tick(tick));
    }
  }

  private Effect<CoreEvent, State> onTickDone(State state, TickDone done) {
    if (done.tick() != current || !waitingFor.remove(done.who())) {
      context.getLog().warn("ignoring {} (current tick {})", done, current);
      return Effect().none();
    }
    auctions += done.auctions();
    if (done.checkpointSaved()) {
      checkpointsSaved++;
    }
    if (!waitingFor.isEmpty()) {
      return Effect().none();
    }
    timers.cancel(new TickTimedOut(current));
    long tick = current;
    TickCompleted completed = new TickCompleted(tick, auctions);
    boolean checkpoint = scenario.isCheckpointTick(tick) && checkpointsSaved == participants.size();
    List<CoreEvent> events = new ArrayList<>();
    TickCompleted journaled = state.journaled.take(tick);
    if (journaled != null) {
      JournaledAhead.requireSame(context.getSystem(), "driver", journaled, completed);
    } else {
      events.add(completed);
    }
    if (checkpoint && tick > state.lastCheckpoint) {
      events.add(new CheckpointCompleted(tick));
    }
    return Effect().persist(events).thenRun(s -> {
      observer.tell(new RunProgress.TickFinished(tick, completed.auctions(), scenario.totalTicks()));
      if (tick + 1 < scenario.totalTicks()) {
        startTick(tick + 1);
      } else {
        observer.tell(new RunProgress.RunFinished(tick));
      }
    });
  }

  private Effect<CoreEvent, State> onTimeout(State state, TickTimedOut timeout) {
    if (timeout.tick() != current || waitingFor.isEmpty()) {
      return Effect().none();
    }
    return stop("tick " + current + " did not finish within " + tickTimeout.toSeconds() + " s; still waiting for "
        + waitingFor);
  }

  private Effect<CoreEvent, State> stop(String reason) {
    context.getLog().error("run stopped: {}", reason);
    if (observer != null) {
      observer.tell(new RunProgress.RunFailed(reason));
    }
    return Effect().stop();
  }

  @Override
  public EventHandler<State, CoreEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(RunStarted.class, (state, e) -> {
          state.run = e;
          return state;
        })
        .onEvent(TickCompleted.class, (state, e) -> {
          state.lastCompleted = Math.max(state.lastCompleted, e.tick());
          state.journaled.add(e);
          return state;
        })
        .onEvent(CheckpointCompleted.class, (state, e) -> {
          state.lastCheckpoint = e.tick();
          state.journaled.dropThrough(e.tick());
          return state;
        })
        .build();
  }

  @Override
  public Set<String> tagsFor(CoreEvent event) {
    return Set.of(TICKS_TAG);
  }
}
