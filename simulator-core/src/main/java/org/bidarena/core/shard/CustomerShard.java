package org.bidarena.core.shard;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerBuilderByState;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.bidarena.core.customer.CustomerBucket;
import org.bidarena.core.customer.CustomerModel;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.journal.TickEntity;
import org.bidarena.core.journal.TickState;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.Peers;
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
 * inputs. So the bucket is snapshotted at checkpoint ticks, and after a restart the Driver re-runs the
 * ticks after the checkpoint ({@link TickEntity}).
 */
public final class CustomerShard extends TickEntity<Command, OutcomesRecorded, CustomerShard.State, CustomerBucket> {
  public static final String OUTCOMES_TAG = "outcomes";

  private final int shard;
  private final CustomerModel model;

  /** The shard's customers and what it holds between the messages of a tick. */
  public static final class State extends TickState<OutcomesRecorded> {
    final CustomerBucket bucket;
    VisitBatch visits;

    State(CustomerBucket bucket) {
      this.bucket = bucket;
    }

    @Override
    public long tick() {
      return bucket.tick;
    }
  }

  public static Behavior<Command> create(Scenario scenario, int shard, RestorePoint restorePoint, Peers peers) {
    return Behaviors.setup(ctx -> new CustomerShard(ctx, scenario, shard, restorePoint, peers));
  }

  private CustomerShard(
      ActorContext<Command> context, Scenario scenario, int shard, RestorePoint restorePoint, Peers peers) {
    super(context, new Participant(Participant.Kind.SHARD, shard),
        PersistenceId.of(EntityKeys.SHARD.name(), Integer.toString(shard)), OUTCOMES_TAG, scenario, restorePoint, peers);
    this.shard = shard;
    this.model = new CustomerModel(scenario, new SeededStreams(scenario.seed()));
  }

  @Override
  public State emptyState() {
    return new State(model.initialBucket(shard));
  }

  @Override
  protected void onCommands(CommandHandlerBuilderByState<Command, OutcomesRecorded, State, State> commands) {
    commands
        .onCommand(Tick.class, this::onTick)
        .onCommand(Impressions.class, this::onImpressions);
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
    ShardOutcomes outcomes = model.respond(state.bucket, tick, state.visits, impressions);
    state.visits = null;
    OutcomesRecorded event = new OutcomesRecorded(tick, shard, outcomes);
    return record(state, event, () -> sendOutcomes(event));
  }

  private void sendOutcomes(OutcomesRecorded event) {
    BidderProtocol.Outcomes[] own = event.outcomes().perAgent(event.tick(), shard, scenario.agentCount());
    for (int a = 0; a < own.length; a++) {
      peers.bidder(a).tell(own[a]);
    }
  }

  @Override
  protected CustomerBucket checkpointOf(State state) {
    return state.bucket.copy();
  }

  @Override
  protected State restore(CustomerBucket bucket) {
    return new State(bucket);
  }
}
