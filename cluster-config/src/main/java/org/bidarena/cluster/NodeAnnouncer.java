package org.bidarena.cluster;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.protocol.DriverProtocol;

/**
 * Tells the Driver that this node can take entities ({@link Driver.NodeStarted}) once the sharding
 * coordinators list its regions, so that a node that joins a run under way gets part of the next
 * incarnation. Asks twice a second and gives up after a minute: the node then takes work only from the
 * next rewind on.
 */
final class NodeAnnouncer {
  private static final Duration EVERY = Duration.ofMillis(500);
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(1);

  private interface Message {}

  private enum Poll implements Message { ASK, NOT_YET, GIVE_UP }

  private record Registered(String entityType) implements Message {}

  private NodeAnnouncer() {}

  static Behavior<Message> create(List<EntityTypeKey<?>> hosted, ActorRef<DriverProtocol.Command> driver) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      Address self = Cluster.get(ctx.getSystem()).selfMember().address();
      Set<String> registered = new HashSet<>();
      timers.startTimerWithFixedDelay(Poll.ASK, EVERY);
      timers.startSingleTimer(Poll.GIVE_UP, GIVE_UP_AFTER);
      ctx.getSelf().tell(Poll.ASK);
      return Behaviors.receive(Message.class)
          .onMessageEquals(Poll.ASK, () -> {
            for (EntityTypeKey<?> key : hosted) {
              ctx.ask(ShardRegion.ClusterShardingStats.class, ClusterSharding.get(ctx.getSystem()).shardState(), EVERY,
                  replyTo -> new GetClusterShardingStats(key, EVERY, replyTo),
                  (stats, failure) -> stats != null && stats.getRegions().containsKey(self)
                      ? new Registered(key.name()) : Poll.NOT_YET);
            }
            return Behaviors.same();
          })
          .onMessageEquals(Poll.NOT_YET, Behaviors::same)
          .onMessageEquals(Poll.GIVE_UP, () -> {
            ctx.getLog().warn("the sharding coordinators did not list this node within {} s", GIVE_UP_AFTER.toSeconds());
            return Behaviors.stopped();
          })
          .onMessage(Registered.class, r -> {
            registered.add(r.entityType());
            if (registered.size() < hosted.size()) {
              return Behaviors.same();
            }
            driver.tell(new Driver.NodeStarted(self.toString()));
            return Behaviors.stopped();
          })
          .build();
    }));
  }
}
