package org.bidarena.allocation;

/** What one channel returned on one day: money in micros. */
public record Outcome(long spendMicros, long clicks, long conversions, long revenueMicros) {}
