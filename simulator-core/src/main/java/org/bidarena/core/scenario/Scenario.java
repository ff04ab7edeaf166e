package org.bidarena.core.scenario;

import java.util.List;

/**
 * A complete, validated scenario: together with its seed it fixes every event of a run.
 *
 * @param agents sorted by id; an agent's position is its index in batches and events
 * @param checkpointEveryTicks every so many ticks all stateful actors snapshot (0 = never)
 * @param reporting how figures are reported (the margin); it does not change the simulation
 */
public record Scenario(
    String name,
    long seed,
    int days,
    int ticksPerDay,
    CustomerModelSpec customers,
    int shards,
    int partitions,
    AuctionSpec auction,
    long baseBidMicros,
    List<AgentSpec> agents,
    int checkpointEveryTicks,
    ReportingSpec reporting) {

  public Scenario {
    agents = List.copyOf(agents);
    reporting = reporting == null ? ReportingSpec.DEFAULT : reporting;
  }

  /** A scenario with the default reporting settings. */
  public Scenario(
      String name, long seed, int days, int ticksPerDay, CustomerModelSpec customers, int shards, int partitions,
      AuctionSpec auction, long baseBidMicros, List<AgentSpec> agents, int checkpointEveryTicks) {
    this(name, seed, days, ticksPerDay, customers, shards, partitions, auction, baseBidMicros, agents,
        checkpointEveryTicks, ReportingSpec.DEFAULT);
  }

  public int totalTicks() {
    return days * ticksPerDay;
  }

  public int agentCount() {
    return agents.size();
  }

  public int day(long tick) {
    return (int) (tick / ticksPerDay);
  }

  public int tickOfDay(long tick) {
    return (int) (tick % ticksPerDay);
  }

  /** The first customer id of a shard; shard k holds [firstCustomer(k), firstCustomer(k + 1)). */
  public int firstCustomer(int shard) {
    return (int) ((long) customers.count() * shard / shards);
  }

  /** The exchange partition that auctions a shard's visits. */
  public int partitionOf(int shard) {
    return shard % partitions;
  }

  /** The shards a partition serves, in ascending order. */
  public int[] shardsOf(int partition) {
    int n = (shards - partition + partitions - 1) / partitions;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = partition + i * partitions;
    }
    return out;
  }

  /** True when all stateful actors snapshot at the end of this tick. */
  public boolean isCheckpointTick(long tick) {
    return checkpointEveryTicks > 0 && (tick + 1) % checkpointEveryTicks == 0;
  }

  public int agentIndex(String id) {
    for (int i = 0; i < agents.size(); i++) {
      if (agents.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no agent '" + id + "'");
  }

  public Scenario withSeed(long newSeed) {
    return new Scenario(
        name, newSeed, days, ticksPerDay, customers, shards, partitions, auction, baseBidMicros, agents,
        checkpointEveryTicks, reporting);
  }
}
