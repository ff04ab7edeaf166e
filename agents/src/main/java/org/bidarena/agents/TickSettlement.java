package org.bidarena.agents;

/** What one agent bid, won, spent and earned over one tick, across all partitions. Money in micros. */
public record TickSettlement(
    long tick,
    int bids,
    long bidSumMicros,
    int impressions,
    long spendMicros,
    int clicks,
    int conversions,
    long revenueMicros) {}
