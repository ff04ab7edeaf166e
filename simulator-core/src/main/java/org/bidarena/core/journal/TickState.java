package org.bidarena.core.journal;

/**
 * What {@link TickEntity} needs of an entity's state: the tick it last completed, and the events the
 * journal holds beyond it, which a re-run after a restore is checked against.
 */
public abstract class TickState<E extends TickEvent> {
  final JournaledAhead<E> journaled = new JournaledAhead<>();

  /** The last tick completed or restored; -1 before the first. */
  public abstract long tick();
}
