package org.bidarena.cluster;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.cluster.sharding.ShardCoordinator;
import org.bidarena.core.protocol.Incarnation;
import scala.collection.immutable.IndexedSeq;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Places each shard (one entity, see {@link OwnShardPerEntity}) on the node that holds the fewest
 * shards of the same incarnation, so every incarnation is spread evenly over the nodes present when it
 * starts, including a node that joined since. Shards of finished incarnations hold no entities; they only
 * break ties, in favour of the node that has held the fewest.
 *
 * <p>It never rebalances: a moved entity would restart from its incarnation's checkpoint while the
 * others are further on. Work moves only when the Driver starts a new incarnation.
 */
final class IncarnationAllocation extends ShardCoordinator.AbstractShardAllocationStrategy {
  @Override
  public Future<ActorRef> allocateShard(
      ActorRef requester, String shardId, Map<ActorRef, IndexedSeq<String>> currentShardAllocations) {
    int epoch = Incarnation.ofEntityId(shardId).epoch();
    ActorRef region = currentShardAllocations.entrySet().stream()
        .min(Comparator.<Map.Entry<ActorRef, IndexedSeq<String>>>comparingLong(e -> countOfEpoch(e.getValue(), epoch))
            .thenComparingInt(e -> e.getValue().size())
            .thenComparing(e -> e.getKey().path().toString()))
        .map(Map.Entry::getKey)
        .orElse(requester);
    return Future.successful(region);
  }

  private static long countOfEpoch(IndexedSeq<String> shards, int epoch) {
    return CollectionConverters.asJava(shards).stream()
        .filter(id -> Incarnation.ofEntityId(id).epoch() == epoch)
        .count();
  }

  @Override
  public Future<Set<String>> rebalance(
      Map<ActorRef, IndexedSeq<String>> currentShardAllocations, Set<String> rebalanceInProgress) {
    return Future.successful(Set.of());
  }
}
