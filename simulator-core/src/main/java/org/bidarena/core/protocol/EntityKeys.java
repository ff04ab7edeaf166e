package org.bidarena.core.protocol;

import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/** The Cluster Sharding entity types of a run; entity ids are shard, partition and agent ids. */
public final class EntityKeys {
  private EntityKeys() {}

  public static final EntityTypeKey<ShardProtocol.Command> SHARD =
      EntityTypeKey.create(ShardProtocol.Command.class, "CustomerShard");
  public static final EntityTypeKey<ExchangeProtocol.Command> EXCHANGE =
      EntityTypeKey.create(ExchangeProtocol.Command.class, "Exchange");
  public static final EntityTypeKey<BidderProtocol.Command> BIDDER =
      EntityTypeKey.create(BidderProtocol.Command.class, "Bidder");
}
