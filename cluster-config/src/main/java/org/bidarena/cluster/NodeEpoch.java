package org.bidarena.cluster;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EpochProtocol;
import org.bidarena.core.protocol.Incarnation;

/**
 * The newest epoch this node has heard of from the Driver. The node's entity factories consult it: an
 * entity id of an older incarnation gets an {@link ObsoleteEntity} instead of a real entity, which would
 * recover from the journal and might write to it.
 */
final class NodeEpoch {
  private final AtomicInteger newest = new AtomicInteger();

  boolean isOver(Incarnation incarnation) {
    return incarnation.epoch() < newest.get();
  }

  /** The keeper actor: registers with the Receptionist and raises the epoch when the Driver says so. */
  Behavior<EpochProtocol.Advance> keeper() {
    return Behaviors.setup(ctx -> {
      ctx.getSystem().receptionist().tell(Receptionist.register(EpochProtocol.KEEPERS, ctx.getSelf()));
      return Behaviors.receiveMessage(advance -> {
        newest.accumulateAndGet(advance.epoch(), Math::max);
        advance.replyTo().tell(new DriverProtocol.EpochAdvanced(advance.epoch(), ctx.getSelf()));
        return Behaviors.same();
      });
    });
  }
}
