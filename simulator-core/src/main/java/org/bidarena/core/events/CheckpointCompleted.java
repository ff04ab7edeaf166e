package org.bidarena.core.events;

/** Every stateful actor holds a snapshot of the end of this tick, so the run can restart from it. */
public record CheckpointCompleted(long tick) implements CoreEvent {}
