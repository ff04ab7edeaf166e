package org.bidarena.core.protocol;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * How the Driver tells every node that an incarnation is over, before it halts that incarnation's
 * entities: a node that knows a newer epoch never starts an entity of an older one again, so a message
 * still in flight to the old incarnation cannot bring it back to life and write to the journal.
 */
public final class EpochProtocol {
  private EpochProtocol() {}

  /** Each node's keeper of the newest epoch, found through the Receptionist. */
  public static final ServiceKey<Advance> KEEPERS = ServiceKey.create(Advance.class, "bidarena-epoch-keeper");

  /** Entities of epochs below {@code epoch} are over; answered with {@link DriverProtocol.EpochAdvanced}. */
  public record Advance(int epoch, ActorRef<DriverProtocol.Command> replyTo) {}
}
