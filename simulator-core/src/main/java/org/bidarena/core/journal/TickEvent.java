package org.bidarena.core.journal;

/** An event a tick participant journals once per tick; its sequence number is tick + 1. */
public interface TickEvent {
  long tick();
}
