package org.bidarena.cluster;

import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;

/**
 * Every entity is a sharding shard of its own, named by its entity id. A run has tens of entities, not
 * millions, and so each one is placed on its own, and each incarnation's shards are new ones that
 * {@link IncarnationAllocation} spreads over the nodes present when it starts.
 */
final class OwnShardPerEntity<M> extends ShardingMessageExtractor<ShardingEnvelope<M>, M> {
  @Override
  public String entityId(ShardingEnvelope<M> envelope) {
    return envelope.entityId();
  }

  @Override
  public String shardId(String entityId) {
    return entityId;
  }

  @Override
  public M unwrapMessage(ShardingEnvelope<M> envelope) {
    return envelope.message();
  }
}
