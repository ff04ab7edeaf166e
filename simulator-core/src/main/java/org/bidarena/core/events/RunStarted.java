package org.bidarena.core.events;

/** The Driver's first event: the fully resolved scenario text and seed of the run. */
public record RunStarted(String scenarioHocon, long seed, String scenarioSha256, long totalTicks) implements CoreEvent {}
