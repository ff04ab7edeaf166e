package org.bidarena.cluster;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Incarnation;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * Peers reached through Cluster Sharding, wherever the entities live, and the Driver's singleton proxy.
 * Entities are addressed in one {@link Incarnation}; the peers a node starts with have none yet, and
 * {@link #at} gives the Driver and each entity the view of theirs.
 */
final class ShardingPeers implements Peers {
  private final Node node;
  private final Incarnation incarnation;

  /** What every incarnation's view of a node shares. */
  private static final class Node {
    final ClusterSharding sharding;
    final List<String> agentIds;
    final NodeStatus status;
    volatile RecipientRef<DriverProtocol.Command> driver;

    Node(ActorSystem<?> system, Scenario scenario, NodeStatus status) {
      this.sharding = ClusterSharding.get(system);
      this.agentIds = scenario.agents().stream().map(AgentSpec::id).toList();
      this.status = status;
    }
  }

  ShardingPeers(ActorSystem<?> system, Scenario scenario, NodeStatus status) {
    this(new Node(system, scenario, status), null);
  }

  private ShardingPeers(Node node, Incarnation incarnation) {
    this.node = node;
    this.incarnation = incarnation;
  }

  /** The singleton proxy exists only after the Driver, which needs these peers, is initialised. */
  void setDriver(ActorRef<DriverProtocol.Command> driver) {
    node.driver = new TickReporting(driver);
  }

  @Override
  public Peers at(Incarnation incarnation) {
    return new ShardingPeers(node, incarnation);
  }

  private String entityId(String key) {
    if (incarnation == null) {
      throw new IllegalStateException("entities are addressed in an incarnation: use at(incarnation)");
    }
    return incarnation.entityId(key);
  }

  /** Forwards to the Driver, noting the ticks this node's entities finish for its health endpoint. */
  private final class TickReporting implements RecipientRef<DriverProtocol.Command> {
    private final ActorRef<DriverProtocol.Command> target;

    TickReporting(ActorRef<DriverProtocol.Command> target) {
      this.target = target;
    }

    @Override
    public void tell(DriverProtocol.Command message) {
      if (message instanceof DriverProtocol.TickDone done) {
        node.status.tickFinished(done.tick());
      }
      target.tell(message);
    }
  }

  @Override
  public RecipientRef<ShardProtocol.Command> shard(int shard) {
    return node.sharding.entityRefFor(EntityKeys.SHARD, entityId(Integer.toString(shard)));
  }

  @Override
  public RecipientRef<ExchangeProtocol.Command> exchange(int partition) {
    return node.sharding.entityRefFor(EntityKeys.EXCHANGE, entityId(Integer.toString(partition)));
  }

  @Override
  public RecipientRef<BidderProtocol.Command> bidder(int agent) {
    return node.sharding.entityRefFor(EntityKeys.BIDDER, entityId(node.agentIds.get(agent)));
  }

  @Override
  public RecipientRef<DriverProtocol.Command> driver() {
    return node.driver;
  }
}
