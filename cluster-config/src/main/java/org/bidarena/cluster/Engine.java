package org.bidarena.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.cluster.typed.Subscribe;
import org.bidarena.agents.Bidder;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.protocol.Incarnation;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.shard.CustomerShard;
import org.bidarena.exchange.Exchange;

/**
 * Starts a run's actors on a node: Cluster Sharding for customer shards (role {@code customers}),
 * exchange partitions ({@code exchange}) and bidders ({@code agents}), and the Driver as a cluster
 * singleton on the {@code driver} node. A node without a role only gets a proxy for that entity type.
 * Every node of a run calls this with the same scenario.
 *
 * <p>Entity ids name their {@link Incarnation}, which says which checkpoint the entity restores; the
 * Driver picks the incarnation, and the node's {@link NodeEpoch} keeps entities of a finished incarnation
 * from starting again.
 */
public final class Engine {
  public static final String DRIVER_ROLE = "driver";
  public static final String CUSTOMERS_ROLE = "customers";
  public static final String EXCHANGE_ROLE = "exchange";
  public static final String AGENTS_ROLE = "agents";

  private final ActorRef<DriverProtocol.Command> driver;

  private Engine(ActorRef<DriverProtocol.Command> driver) {
    this.driver = driver;
  }

  public static Engine start(ActorSystem<?> system, Scenario scenario) {
    return start(system, scenario, new NodeStatus());
  }

  public static Engine start(ActorSystem<?> system, Scenario scenario, NodeStatus status) {
    ShardingPeers peers = new ShardingPeers(system, scenario, status);
    NodeEpoch epochs = new NodeEpoch();
    system.systemActorOf(epochs.keeper(), "epoch-keeper", Props.empty());
    ClusterSharding sharding = ClusterSharding.get(system);
    sharding.init(entity(EntityKeys.SHARD, ShardProtocol.Command.class, CUSTOMERS_ROLE, Participant.Kind.SHARD, Integer::parseInt, epochs, peers, status,
        (shard, incarnation) -> CustomerShard.create(scenario, shard, incarnation.restorePoint(), peers.at(incarnation))));
    sharding.init(entity(EntityKeys.EXCHANGE, ExchangeProtocol.Command.class, EXCHANGE_ROLE, Participant.Kind.EXCHANGE, Integer::parseInt, epochs, peers, status,
        (partition, incarnation) -> Exchange.create(scenario, partition, incarnation.restorePoint(), peers.at(incarnation))));
    sharding.init(entity(EntityKeys.BIDDER, BidderProtocol.Command.class, AGENTS_ROLE, Participant.Kind.BIDDER, scenario::agentIndex, epochs, peers, status,
        (agent, incarnation) -> Bidder.create(scenario, agent, incarnation.restorePoint(), peers.at(incarnation))));
    Duration tickTimeout = system.settings().config().getDuration("bidarena.driver.tick-timeout");
    ActorRef<DriverProtocol.Command> driver = ClusterSingleton.get(system).init(
        SingletonActor.of(
                Behaviors.supervise(watchingMembers(Driver.create(scenario, peers, tickTimeout)))
                    .onFailure(SupervisorStrategy.stop()),
                "driver")
            .withSettings(ClusterSingletonSettings.create(system).withRole(DRIVER_ROLE)));
    peers.setDriver(driver);
    List<EntityTypeKey<?>> hosted = hostedEntityTypes(system);
    if (!hosted.isEmpty()) {
      system.systemActorOf(NodeAnnouncer.create(hosted, driver), "node-announcer", Props.empty());
    }
    status.engineStarted();
    return new Engine(driver);
  }

  /**
   * One entity type, placed on nodes with {@code role}. The id is {@code key@incarnation}; {@code index}
   * turns the key into the participant's number.
   */
  private static <T> Entity<T, ?> entity(
      EntityTypeKey<T> key, Class<T> type, String role, Participant.Kind kind, ToIntFunction<String> index, NodeEpoch epochs,
      ShardingPeers peers, NodeStatus status, BiFunction<Integer, Incarnation, Behavior<T>> create) {
    return Entity.of(key, ctx -> {
          Incarnation incarnation = Incarnation.ofEntityId(ctx.getEntityId());
          int id = index.applyAsInt(Incarnation.keyOf(ctx.getEntityId()));
          if (epochs.isOver(incarnation)) {
            return ObsoleteEntity.create(type, new Participant(kind, id), incarnation, peers);
          }
          status.entityStarted();
          return create.apply(id, incarnation);
        })
        .withRole(role)
        .withMessageExtractor(new OwnShardPerEntity<T>())
        .withAllocationStrategy(new IncarnationAllocation());
  }

  /** The entity types this node's roles place on it. */
  private static List<EntityTypeKey<?>> hostedEntityTypes(ActorSystem<?> system) {
    Set<String> roles = Cluster.get(system).selfMember().getRoles();
    List<EntityTypeKey<?>> hosted = new ArrayList<>();
    if (roles.contains(CUSTOMERS_ROLE)) hosted.add(EntityKeys.SHARD);
    if (roles.contains(EXCHANGE_ROLE)) hosted.add(EntityKeys.EXCHANGE);
    if (roles.contains(AGENTS_ROLE)) hosted.add(EntityKeys.BIDDER);
    return hosted;
  }

  /**
   * Tells the Driver of every member that is up (a node that joins a run under way takes part from the
   * next incarnation) and of every member that leaves or is downed (its entities are gone with it).
   */
  private static Behavior<DriverProtocol.Command> watchingMembers(Behavior<DriverProtocol.Command> driver) {
    return Behaviors.setup(ctx -> {
      ActorRef<ClusterEvent.MemberUp> up =
          ctx.messageAdapter(ClusterEvent.MemberUp.class, e -> new Driver.MemberJoined(e.member().address().toString()));
      Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(up, ClusterEvent.MemberUp.class));
      subscribe(ctx, ClusterEvent.MemberLeft.class);
      subscribe(ctx, ClusterEvent.MemberDowned.class);
      subscribe(ctx, ClusterEvent.MemberRemoved.class);
      return driver;
    });
  }

  private static <E extends ClusterEvent.MemberEvent> void subscribe(
      ActorContext<DriverProtocol.Command> ctx, Class<E> event) {
    ActorRef<E> adapter = ctx.messageAdapter(event, e -> new Driver.MemberLost(e.member().address().toString()));
    Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(adapter, event));
  }

  public ActorRef<DriverProtocol.Command> driver() {
    return driver;
  }
}
