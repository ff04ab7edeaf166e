package org.bidarena.agents;

import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Pacing;
import org.bidarena.core.scenario.Scenario;

/**
 * How much of its daily budget an agent may spend in a tick.
 *
 * <p>An allowance never exceeds what is left of the day's budget, so however a tick spends within its
 * allowance, the day never overspends. Even pacing hands out the budget left over the ticks left (the day's
 * last tick gets all of it); ASAP hands out all of it at once.
 */
public final class BudgetPacer {
  private final long dailyBudgetMicros;
  private final Pacing pacing;
  private final int ticksPerDay;

  public BudgetPacer(long dailyBudgetMicros, Pacing pacing, int ticksPerDay) {
    if (ticksPerDay <= 0) {
      throw new IllegalArgumentException("ticksPerDay must be positive, got " + ticksPerDay);
    }
    this.dailyBudgetMicros = dailyBudgetMicros;
    this.pacing = pacing;
    this.ticksPerDay = ticksPerDay;
  }

  public static BudgetPacer of(AgentSpec agent, Scenario scenario) {
    return new BudgetPacer(agent.dailyBudgetMicros(), agent.pacing(), scenario.ticksPerDay());
  }

  /** The most the agent may spend in this tick, given what it spent earlier in the same day. */
  public long tickAllowance(long tick, long spentTodayMicros) {
    long left = Math.max(0, dailyBudgetMicros - spentTodayMicros);
    return switch (pacing) {
      case ASAP -> left;
      case EVEN -> left / (ticksPerDay - tick % ticksPerDay);
    };
  }

  /** Equal integer shares of an allowance, the remainder going one micro each to the lowest partitions. */
  public static long[] split(long allowance, int partitions) {
    if (allowance < 0 || partitions <= 0) {
      throw new IllegalArgumentException("cannot split " + allowance + " over " + partitions + " partitions");
    }
    long[] shares = new long[partitions];
    long each = allowance / partitions;
    long rest = allowance % partitions;
    for (int p = 0; p < partitions; p++) {
      shares[p] = each + (p < rest ? 1 : 0);
    }
    return shares;
  }
}
