package org.bidarena.cluster;

import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.bidarena.agents.Bidder;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.shard.CustomerShard;
import org.bidarena.exchange.Exchange;

/**
 * Starts a run's actors on a node: Cluster Sharding for customer shards (role {@code customers}),
 * exchange partitions ({@code exchange}) and bidders ({@code agents}), and the Driver as a cluster
 * singleton on the {@code driver} node. A node without a role only gets a proxy for that entity type.
 * Every node of a run calls this with the same scenario and restore point.
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

  public static Engine start(ActorSystem<?> system, Scenario scenario, RestorePoint restorePoint) {
    return start(system, scenario, restorePoint, new NodeStatus());
  }

  public static Engine start(ActorSystem<?> system, Scenario scenario, RestorePoint restorePoint, NodeStatus status) {
    ShardingPeers peers = new ShardingPeers(system, scenario, status);
    ClusterSharding sharding = ClusterSharding.get(system);
    sharding.init(Entity.of(EntityKeys.SHARD, ctx ->
            CustomerShard.create(scenario, Integer.parseInt(ctx.getEntityId()), restorePoint, peers))
        .withRole(CUSTOMERS_ROLE));
    sharding.init(Entity.of(EntityKeys.EXCHANGE, ctx ->
            Exchange.create(scenario, Integer.parseInt(ctx.getEntityId()), restorePoint, peers))
        .withRole(EXCHANGE_ROLE));
    sharding.init(Entity.of(EntityKeys.BIDDER, ctx ->
            Bidder.create(scenario, scenario.agentIndex(ctx.getEntityId()), restorePoint, peers))
        .withRole(AGENTS_ROLE));
    Duration tickTimeout = system.settings().config().getDuration("bidarena.driver.tick-timeout");
    ActorRef<DriverProtocol.Command> driver = ClusterSingleton.get(system).init(
        SingletonActor.of(
                Behaviors.supervise(Driver.create(scenario, peers, tickTimeout)).onFailure(SupervisorStrategy.stop()),
                "driver")
            .withSettings(ClusterSingletonSettings.create(system).withRole(DRIVER_ROLE)));
    peers.setDriver(driver);
    status.engineStarted();
    return new Engine(driver);
  }

  public ActorRef<DriverProtocol.Command> driver() {
    return driver;
  }
}
