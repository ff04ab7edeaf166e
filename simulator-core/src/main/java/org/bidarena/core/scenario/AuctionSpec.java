package org.bidarena.core.scenario;

/** The exchange's auction rules. Money in micro-units per impression. */
public record AuctionSpec(AuctionType type, long reserveMicros, long minBidMicros, long maxBidMicros) {}
