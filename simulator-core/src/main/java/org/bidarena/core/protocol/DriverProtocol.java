package org.bidarena.core.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/** Messages the Driver accepts from the participants of a tick. */
public final class DriverProtocol {
  private DriverProtocol() {}

  public interface Command {}

  /**
   * A participant finished a tick: its event is journaled (or verified against the journal).
   *
   * @param checkpointSaved on a checkpoint tick, true when the participant's snapshot for it is stored
   * @param auctions the auctions cleared (exchanges only)
   */
  public record TickDone(long tick, Participant who, boolean checkpointSaved, long auctions) implements Command {}

  /** A participant cannot go on; the run stops with this reason. */
  public record TickFailed(long tick, Participant who, String reason) implements Command {}

  /** A node's keeper now knows {@code epoch}. */
  public record EpochAdvanced(int epoch, ActorRef<EpochProtocol.Advance> keeper) implements Command {}

  /** A participant of {@code incarnation} has stopped: it will not journal anything again. */
  public record Halted(Participant who, Incarnation incarnation) implements Command {}
}
