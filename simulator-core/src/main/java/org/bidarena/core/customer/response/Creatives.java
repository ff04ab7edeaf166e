package org.bidarena.core.customer.response;

import java.util.List;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.ResponseSpec;

/**
 * The agents' creatives, numbered agent by agent (creative c of agent a is {@code offset(a) + c}), with their
 * appeal and population-level wear-out.
 *
 * <p>Wear-out: a creative's CTR factor is {@code floor + (1 - floor) * 2^(-n / halfLife)}, n its impressions
 * over the whole population. A shard sees only its own impressions, and the population count must not depend
 * on how many nodes run the shards, so each shard estimates it as its own count times
 * {@code customers.count / shard size}: shards are equal slices of one population, so the estimate is
 * unbiased, and it is a function of the shard's own history only (checkpointed with the bucket). The factor
 * is refreshed at the start of each tick ({@link #refresh}), so a tick's clicks do not depend on the order of
 * its impressions.
 */
public final class Creatives {
  private final int[] offset;
  private final double[] appeal;
  private final double[] factor;
  private final double halfLife;
  private final double floor;
  private final double scale;

  public Creatives(List<AgentSpec> agents, ResponseSpec response, int populationSize, int shardSize) {
    this.offset = new int[agents.size() + 1];
    for (int a = 0; a < agents.size(); a++) {
      offset[a + 1] = offset[a] + agents.get(a).creatives().size();
    }
    this.appeal = new double[offset[agents.size()]];
    for (int a = 0; a < agents.size(); a++) {
      for (int c = 0; c < agents.get(a).creatives().size(); c++) {
        appeal[offset[a] + c] = agents.get(a).creatives().get(c).appeal();
      }
    }
    this.factor = appeal.clone();
    this.halfLife = response.wearOutHalfLife();
    this.floor = response.wearOutFloor();
    this.scale = shardSize == 0 ? 0 : (double) populationSize / shardSize;
  }

  /** All creatives of all agents. */
  public int count() {
    return appeal.length;
  }

  /** The index of an agent's creative; a creative the agent does not have counts as its first. */
  public int index(int agent, int creative) {
    int n = offset[agent + 1] - offset[agent];
    return offset[agent] + (creative >= 0 && creative < n ? creative : 0);
  }

  /** The creative's number within its agent, as {@link #index} reads it. */
  public int local(int agent, int creative) {
    return index(agent, creative) - offset[agent];
  }

  /** Appeal times wear-out, as of the last {@link #refresh}. */
  public double factor(int index) {
    return factor[index];
  }

  /** Recomputes every creative's factor from the shard's impression counts. */
  public void refresh(long[] shardImpressions) {
    for (int k = 0; k < factor.length; k++) {
      factor[k] = appeal[k] * wear(shardImpressions[k] * scale, halfLife, floor);
    }
  }

  /** The wear-out factor after {@code impressions} population impressions. */
  public static double wear(double impressions, double halfLife, double floor) {
    return floor + (1 - floor) * StrictMath.pow(2, -impressions / halfLife);
  }
}
