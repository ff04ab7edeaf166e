package org.bidarena.cluster;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Incarnation;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.protocol.ShardProtocol;

/**
 * What Cluster Sharding gets for an entity of an incarnation that is over: it neither recovers nor
 * writes. It confirms a Halt (the Driver resends Halt to entities whose node died, and those land here),
 * drops anything else that was still in flight, and stops after each message.
 */
final class ObsoleteEntity {
  private ObsoleteEntity() {}

  static <T> Behavior<T> create(Class<T> type, Participant who, Incarnation incarnation, Peers peers) {
    return Behaviors.receive(type)
        .onAnyMessage(message -> {
          if (isHalt(message)) {
            peers.driver().tell(new DriverProtocol.Halted(who, incarnation));
          }
          return Behaviors.stopped();
        })
        .build();
  }

  private static boolean isHalt(Object message) {
    return message instanceof ShardProtocol.Halt
        || message instanceof ExchangeProtocol.Halt
        || message instanceof BidderProtocol.Halt;
  }
}
