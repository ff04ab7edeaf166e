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
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/** Peers reached through Cluster Sharding, wherever the entities live, and the Driver's singleton proxy. */
final class ShardingPeers implements Peers {
  private final ClusterSharding sharding;
  private final List<String> agentIds;
  private final NodeStatus status;
  private volatile RecipientRef<DriverProtocol.Command> driver;

  ShardingPeers(ActorSystem<?> system, Scenario scenario, NodeStatus status) {
    this.sharding = ClusterSharding.get(system);
    this.agentIds = scenario.agents().stream().map(AgentSpec::id).toList();
    this.status = status;
  }

  /** The singleton proxy exists only after the Driver, which needs these peers, is initialised. */
  void setDriver(ActorRef<DriverProtocol.Command> driver) {
    this.driver = new TickReporting(driver);
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
        status.tickFinished(done.tick());
      }
      target.tell(message);
    }
  }

  @Override
  public RecipientRef<ShardProtocol.Command> shard(int shard) {
    return sharding.entityRefFor(EntityKeys.SHARD, Integer.toString(shard));
  }

  @Override
  public RecipientRef<ExchangeProtocol.Command> exchange(int partition) {
    return sharding.entityRefFor(EntityKeys.EXCHANGE, Integer.toString(partition));
  }

  @Override
  public RecipientRef<BidderProtocol.Command> bidder(int agent) {
    return sharding.entityRefFor(EntityKeys.BIDDER, agentIds.get(agent));
  }

  @Override
  public RecipientRef<DriverProtocol.Command> driver() {
    return driver;
  }
}
