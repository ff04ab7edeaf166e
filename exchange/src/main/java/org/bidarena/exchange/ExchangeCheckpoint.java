package org.bidarena.exchange;

/** An exchange partition's snapshot: it keeps nothing between ticks but the tick itself. */
public record ExchangeCheckpoint(long tick) implements ExchangeEvent {}
