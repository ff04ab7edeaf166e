package org.bidarena.core.events;

import org.bidarena.core.journal.TickEvent;

/** Every participant finished the tick; the Driver journals one per tick. */
public record TickCompleted(long tick, long auctions) implements TickEvent, CoreEvent {}
