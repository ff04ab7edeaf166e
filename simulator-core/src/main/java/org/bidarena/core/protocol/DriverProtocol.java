package org.bidarena.core.protocol;

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
}
