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

  /**
   * The same peers, addressing the entities of {@code incarnation}. Peers that are fixed actors (probes in
   * tests, the exchange of a log replay) are the same in every incarnation.
   */
  default Peers at(Incarnation incarnation) {
    return this;
  }
}
