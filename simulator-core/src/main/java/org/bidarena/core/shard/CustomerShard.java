package org.bidarena.core.shard;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.SnapshotCompleted;
import org.apache.pekko.persistence.typed.SnapshotFailed;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.Recovery;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import java.util.Set;
import org.bidarena.core.customer.CustomerBucket;
import org.bidarena.core.customer.CustomerModel;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.journal.JournaledAhead;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.journal.TickParticipant;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.protocol.ShardProtocol.Command;
import org.bidarena.core.protocol.ShardProtocol.Impressions;
import org.bidarena.core.protocol.ShardProtocol.Tick;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.Scenario;

/**
 * A bucket of customers, run as a Cluster Sharding entity.
 *
 * <p>Protocol per tick: {@link Tick} draws the visits and sends them to the shard's exchange partition;
 * {@link Impressions} applies the auctions' winners, draws clicks and purchases, journals
 * {@link OutcomesRecorded}, sends each bidder its {@link BidderProtocol.Outcomes}, and reports
 * {@link DriverProtocol.TickDone}.
 *
 * <p>The customers are not rebuilt from events: they are a pure function of the seed and the tick's
 * inputs. So the state is snapshotted at checkpoint ticks, and after a restart the Driver re-runs the
 * ticks after the checkpoint; events found in the journal for those ticks are checked, not re-written.
 */
public final class CustomerShard extends EventSourcedBehavior<Command, OutcomesRecorded, CustomerShard.State> {
  public static final String OUTCOMES_TAG = "outcomes";

  private final Scenario scenario;
  private final int shard;
  private final TickParticipant<OutcomesRecorded> participant;
  private final CustomerModel model;
  private final RestorePoint restorePoint;
  private final Peers peers;

  /** The shard's customers and what it holds between the messages of a tick. */
  public static final class State {
    final CustomerBucket bucket;
    final JournaledAhead<OutcomesRecorded> journaled = new JournaledAhead<>();
    VisitBatch visits;

    State(CustomerBucket bucket) {
      this.bucket = bucket;
    }
  }

  public static Behavior<Command> create(Scenario scenario, int shard, RestorePoint restorePoint, Peers peers) {
    return Behaviors.setup(ctx -> new CustomerShard(ctx, scenario, shard, restorePoint, peers));
  }

  private CustomerShard(
      ActorContext<Command> context, Scenario scenario, int shard, RestorePoint restorePoint, Peers peers) {
    super(PersistenceId.of(EntityKeys.SHARD.name(), Integer.toString(shard)));
    this.scenario = scenario;
    this.shard = shard;
    this.participant = new TickParticipant<>(
        context, new Participant(Participant.Kind.SHARD, shard), scenario, restorePoint, peers);
    this.model = new CustomerModel(scenario, new SeededStreams(scenario.seed()));
    this.restorePoint = restorePoint;
    this.peers = peers;
  }

  @Override
  public State emptyState() {
    return new State(model.initialBucket(shard));
  }

  @Override
  public Recovery recovery() {
    return restorePoint.recovery();
  }

  @Override
  public CommandHandler<Command, OutcomesRecorded, State> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(Tick.class, this::onTick)
        .onCommand(Impressions.class, this::onImpressions)
        .onCommand(ShardProtocol.Halt.class, (state, halt) -> participant.halt(Effect(), halt.incarnation()))
        .build();
  }

  private Effect<OutcomesRecorded, State> onTick(State state, Tick tick) {
    CustomerBucket b = state.bucket;
    if (tick.tick() != b.tick + 1 || state.visits != null) {
      return fail(tick.tick(), "got tick " + tick.tick() + " after tick " + b.tick
          + (state.visits != null ? " while that tick is under way" : ""));
    }
    model.startTick(b, tick.tick());
    state.visits = model.visits(b, tick.tick());
    peers.exchange(scenario.partitionOf(shard)).tell(new ExchangeProtocol.Visits(tick.tick(), shard, state.visits));
    return Effect().none();
  }

  private Effect<OutcomesRecorded, State> onImpressions(State state, Impressions impressions) {
    long tick = impressions.tick();
    if (state.visits == null || tick != state.bucket.tick + 1) {
      return fail(tick, "got impressions for tick " + tick + " without its visits");
    }
    ShardOutcomes outcomes = model.respond(state.bucket, tick, state.visits, impressions.winners());
    state.visits = null;
    OutcomesRecorded event = new OutcomesRecorded(tick, shard, outcomes);
    return participant.record(Effect(), state.journaled, event, 0, () -> sendOutcomes(event));
  }

  private void sendOutcomes(OutcomesRecorded event) {
    ShardOutcomes o = event.outcomes();
    for (int a = 0; a < scenario.agentCount(); a++) {
      peers.bidder(a).tell(new BidderProtocol.Outcomes(
          event.tick(), shard, o.clicks(a), o.conversions(a), o.revenueMicros(a)));
    }
  }

  private Effect<OutcomesRecorded, State> fail(long tick, String reason) {
    participant.fail(tick, reason);
    return Effect().none();
  }

  @Override
  public EventHandler<State, OutcomesRecorded> eventHandler() {
    // Live, the command handler has already moved the bucket to the event's tick. In recovery, events
    // after the restored checkpoint are kept to check the re-run against.
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(OutcomesRecorded.class, (state, event) -> {
          participant.replayed(state.journaled, state.bucket.tick, event);
          return state;
        })
        .build();
  }

  @Override
  public boolean shouldSnapshot(State state, OutcomesRecorded event, long sequenceNr) {
    return scenario.isCheckpointTick(event.tick());
  }

  @Override
  public SnapshotAdapter<State> snapshotAdapter() {
    // Called in the actor, so the copy is taken before the next tick changes the bucket.
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(State state) {
        return state.bucket.copy();
      }

      @Override
      public State fromJournal(Object from) {
        return new State((CustomerBucket) from);
      }
    };
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> participant.recovered(state.bucket.tick))
        .onSignal(SnapshotCompleted.class, (state, done) -> participant.snapshotSaved(state.bucket.tick, 0))
        .onSignal(SnapshotFailed.class, (state, failed) -> participant.snapshotFailed(state.bucket.tick, failed.getFailure()))
        .build();
  }

  @Override
  public Set<String> tagsFor(OutcomesRecorded event) {
    return Set.of(OUTCOMES_TAG);
  }
}
