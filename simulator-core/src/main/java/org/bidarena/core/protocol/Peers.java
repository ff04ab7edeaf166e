package org.bidarena.core.protocol;

import org.apache.pekko.actor.typed.RecipientRef;

/**
 * How an actor reaches the others of a run. On a node these are Cluster Sharding entity refs and the
 * Driver's singleton proxy; in tests they are probes.
 */
public interface Peers {
  RecipientRef<ShardProtocol.Command> shard(int shard);

  RecipientRef<ExchangeProtocol.Command> exchange(int partition);

  RecipientRef<BidderProtocol.Command> bidder(int agent);

  RecipientRef<DriverProtocol.Command> driver();
}
