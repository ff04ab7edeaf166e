package org.bidarena.core.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.bidarena.core.events.CheckpointCompleted;
import org.bidarena.core.events.CoreEvent;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.journal.JournaledAhead;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol.Command;
import org.bidarena.core.protocol.DriverProtocol.EpochAdvanced;
import org.bidarena.core.protocol.DriverProtocol.Halted;
import org.bidarena.core.protocol.DriverProtocol.TickDone;
import org.bidarena.core.protocol.DriverProtocol.TickFailed;
import org.bidarena.core.protocol.EpochProtocol;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Incarnation;
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
 *
 * <p>When a cluster member is lost ({@link MemberLost}) its entities are gone mid-tick, so the run rewinds
 * (see {@link Rewind}): every node learns a new epoch, every entity of the running {@link Incarnation}
 * halts, and the next incarnation starts from the last complete checkpoint. Its entities restore that
 * checkpoint wherever Cluster Sharding now places them, and the ticks after it are re-run and checked
 * against what the journal already holds, so the journal ends as if nothing had happened. A node that
 * joins a run under way ({@link NodeStarted}) gets its share of the work the same way.
 */
public final class Driver extends EventSourcedBehavior<Command, CoreEvent, Driver.State> {
  public static final String PERSISTENCE_ID = "Driver";
  public static final String TICKS_TAG = "ticks";

  /**
   * Begin the run, or continue it from the checkpoint the participants were started at.
   *
   * @param members the addresses of the cluster members up at the start: they hold the run's entities
   *     from the first incarnation on, so they need no rewind when their engines report in
   */
  public record Start(RunStarted run, RestorePoint restorePoint, ActorRef<RunProgress> observer, String[] members)
      implements Command {
    public Start(RunStarted run, RestorePoint restorePoint, ActorRef<RunProgress> observer) {
      this(run, restorePoint, observer, new String[0]);
    }
  }

  /** A cluster member is up. */
  public record MemberJoined(String address) implements Command {}

  /** A member's engine is started and its sharding regions are known: it can take entities. */
  public record NodeStarted(String address) implements Command {}

  /** A cluster member left, was downed or removed: whatever entities it held are gone. */
  public record MemberLost(String address) implements Command {}

  /** From a live view: pause, resume, step one tick, set the speed or stop. Acts between ticks only. */
  public record Pace(Action action, double ticksPerSecond) implements Command {
    public enum Action { PAUSE, RESUME, STEP, SPEED, STOP }
  }

  private record TickTimedOut(long tick) implements Command {}

  private record NextTick(long tick) implements Command {}

  private record KeepersListed(Receptionist.Listing listing) implements Command {}

  private enum RewindTimer implements Command { RETRY, TIMED_OUT }

  /** Lost messages are sent again this often while a rewind waits: Halt to a dead node's entity is lost. */
  private static final Duration REWIND_RETRY = Duration.ofSeconds(2);

  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Scenario scenario;
  private final Peers peers;
  private final Duration tickTimeout;
  private final List<Participant> participants;

  private ActorRef<RunProgress> observer;
  private boolean playing;
  private Incarnation incarnation;
  private Peers live;
  private Rewind rewind;
  private final Set<String> upMembers = new HashSet<>();
  /** The members that hold entities of the run: those up when it started, and those that joined since. */
  private final Set<String> runMembers = new HashSet<>();
  private long current = -1;
  private final TreeSet<Participant> waitingFor = new TreeSet<>();
  private long auctions;
  private int checkpointsSaved;
  private final Pacer pacer = new Pacer();
  /** The tick the pacer holds back, -1 when none. */
  private long held = -1;

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
        .onCommand(TickFailed.class, this::onTickFailed)
        .onCommand(TickTimedOut.class, this::onTimeout)
        .onCommand(MemberJoined.class, (state, joined) -> {
          upMembers.add(joined.address());
          return Effect().none();
        })
        .onCommand(NodeStarted.class, this::onNodeStarted)
        .onCommand(MemberLost.class, this::onMemberLost)
        .onCommand(KeepersListed.class, this::onKeepersListed)
        .onCommand(EpochAdvanced.class, this::onEpochAdvanced)
        .onCommand(Halted.class, this::onHalted)
        .onCommand(RewindTimer.class, this::onRewindTimer)
        .onCommand(Pace.class, this::onPace)
        .onCommand(NextTick.class, (state, next) -> {
          if (next.tick() == held && rewind == null) {
            advance(next.tick());
          }
          return Effect().none();
        })
        .build();
  }

  private Effect<CoreEvent, State> onStart(State state, Start start) {
    observer = start.observer();
    runMembers.addAll(upMembers);
    runMembers.addAll(List.of(start.members()));
    upMembers.addAll(List.of(start.members()));
    incarnation = Incarnation.first(start.restorePoint());
    live = peers.at(incarnation);
    if (state.run == null) {
      if (!start.restorePoint().isStart()) {
        return stop("the journal has no run to resume");
      }
      return Effect().persist(start.run()).thenRun(s -> advance(0));
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
    return Effect().none().thenRun(s -> advance(s.lastCheckpoint + 1));
  }

  private void startTick(long tick) {
    playing = true;
    current = tick;
    waitingFor.clear();
    waitingFor.addAll(participants);
    auctions = 0;
    checkpointsSaved = 0;
    timers.startSingleTimer(new TickTimedOut(tick), tickTimeout);
    for (int k = 0; k < scenario.shards(); k++) {
      live.shard(k).tell(new ShardProtocol.Tick(tick));
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
        advance(tick + 1);
      } else {
        playing = false;
        observer.tell(new RunProgress.RunFinished(tick));
      }
    });
  }

  /** Starts {@code next} now, later, or not until the pace allows it. */
  private void advance(long next) {
    held = next;
    long delay = pacer.delayNanos(System.nanoTime());
    if (delay == 0) {
      held = -1;
      startTick(next);
    } else if (delay > 0) {
      timers.startSingleTimer(NextTick.class, new NextTick(next), Duration.ofNanos(delay));
    }
  }

  private Effect<CoreEvent, State> onPace(State state, Pace pace) {
    switch (pace.action()) {
      case PAUSE -> pacer.pause();
      case RESUME -> pacer.resume();
      case STEP -> pacer.step();
      case SPEED -> pacer.speed(pace.ticksPerSecond());
      case STOP -> {
        return playing ? stop("stopped from the dashboard") : Effect().none();
      }
    }
    if (held >= 0 && rewind == null) {
      timers.cancel(NextTick.class);
      advance(held);
    }
    return Effect().none();
  }

  private Effect<CoreEvent, State> onTimeout(State state, TickTimedOut timeout) {
    if (timeout.tick() != current || waitingFor.isEmpty()) {
      return Effect().none();
    }
    return stop("tick " + current + " did not finish within " + tickTimeout.toSeconds() + " s; still waiting for "
        + waitingFor);
  }

  private Effect<CoreEvent, State> onTickFailed(State state, TickFailed failed) {
    if (rewind != null) {
      // An entity of the halting incarnation may trip over messages of the tick that was cut short.
      context.getLog().warn("ignoring during the rewind: {}", failed);
      return Effect().none();
    }
    return stop("tick " + failed.tick() + ": " + failed.who() + " " + failed.reason());
  }

  private Effect<CoreEvent, State> onMemberLost(State state, MemberLost lost) {
    upMembers.remove(lost.address());
    if (!runMembers.remove(lost.address()) || !playing) {
      return Effect().none();
    }
    return startRewind(state, "cluster member " + lost.address() + " was lost " + during());
  }

  /** A node that joins a run under way takes part from the next incarnation, which spreads over it too. */
  private Effect<CoreEvent, State> onNodeStarted(State state, NodeStarted started) {
    if (!playing || !upMembers.contains(started.address()) || !runMembers.add(started.address())) {
      return Effect().none();
    }
    return startRewind(state, "node " + started.address() + " joined " + during());
  }

  private String during() {
    return current >= 0 ? "during tick " + current : "during a rewind";
  }

  private Effect<CoreEvent, State> startRewind(State state, String reason) {
    Set<Incarnation> stale = new HashSet<>(rewind == null ? Set.of(incarnation) : rewind.unhalted());
    timers.cancel(new TickTimedOut(current));
    timers.cancel(NextTick.class);
    held = -1;
    current = -1;
    waitingFor.clear();
    incarnation = incarnation.next(state.lastCheckpoint);
    rewind = new Rewind(incarnation, reason, participants, stale);
    context.getLog().warn("{}: rewinding to checkpoint {} as {}", reason, state.lastCheckpoint, incarnation);
    timers.startTimerWithFixedDelay(RewindTimer.RETRY, REWIND_RETRY);
    timers.startSingleTimer(RewindTimer.TIMED_OUT, tickTimeout);
    findKeepers();
    return Effect().none();
  }

  private void findKeepers() {
    context.getSystem().receptionist().tell(Receptionist.find(
        EpochProtocol.KEEPERS, context.messageAdapter(Receptionist.Listing.class, KeepersListed::new)));
  }

  private Effect<CoreEvent, State> onKeepersListed(State state, KeepersListed listed) {
    if (rewind == null || rewind.everyNodeAdvanced()) {
      return Effect().none();
    }
    int epoch = rewind.target().epoch();
    for (var keeper : rewind.keepersListed(listed.listing().getServiceInstances(EpochProtocol.KEEPERS))) {
      keeper.tell(new EpochProtocol.Advance(epoch, context.getSelf()));
    }
    return haltWhenEveryNodeAdvanced();
  }

  private Effect<CoreEvent, State> onEpochAdvanced(State state, EpochAdvanced advanced) {
    if (rewind == null || advanced.epoch() != rewind.target().epoch() || rewind.everyNodeAdvanced()) {
      return Effect().none();
    }
    rewind.keeperAdvanced(advanced.keeper());
    return haltWhenEveryNodeAdvanced();
  }

  private Effect<CoreEvent, State> haltWhenEveryNodeAdvanced() {
    if (rewind.everyNodeAdvanced()) {
      sendHalts();
    }
    return Effect().none();
  }

  private void sendHalts() {
    for (Rewind.Halting h : rewind.stillRunning()) {
      Peers old = peers.at(h.incarnation());
      switch (h.who().kind()) {
        case SHARD -> old.shard(h.who().id()).tell(new ShardProtocol.Halt(h.incarnation()));
        case EXCHANGE -> old.exchange(h.who().id()).tell(new ExchangeProtocol.Halt(h.incarnation()));
        case BIDDER -> old.bidder(h.who().id()).tell(new BidderProtocol.Halt(h.incarnation()));
      }
    }
  }

  private Effect<CoreEvent, State> onHalted(State state, Halted halted) {
    if (rewind == null) {
      return Effect().none();
    }
    rewind.halted(halted.who(), halted.incarnation());
    if (!rewind.everyNodeAdvanced() || !rewind.everyoneHalted()) {
      return Effect().none();
    }
    timers.cancel(RewindTimer.RETRY);
    timers.cancel(RewindTimer.TIMED_OUT);
    context.getLog().warn("every entity of the previous incarnation halted; re-running from tick {} as {}",
        incarnation.restoreTick() + 1, incarnation);
    rewind = null;
    live = peers.at(incarnation);
    startTick(incarnation.restoreTick() + 1);
    return Effect().none();
  }

  private Effect<CoreEvent, State> onRewindTimer(State state, RewindTimer timer) {
    if (rewind == null) {
      return Effect().none();
    }
    if (timer == RewindTimer.TIMED_OUT) {
      return stop(rewind.reason() + ", and the rewind to " + incarnation + " did not finish within "
          + tickTimeout.toSeconds() + " s; still waiting for " + rewind.waitingFor());
    }
    if (rewind.everyNodeAdvanced()) {
      sendHalts();
    } else {
      findKeepers();
    }
    return Effect().none();
  }

  private Effect<CoreEvent, State> stop(String reason) {
    playing = false;
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
