package org.bidarena.agents;

/** A bidder's snapshot at the end of a checkpoint tick: its day's spend and its strategy's learning. */
public record BidderCheckpoint(long tick, long spentTodayMicros, double[] strategyState) implements AgentEvent {}
