package org.bidarena.core.protocol;

import java.util.Arrays;

/**
 * The page views of one tick, columnar: row i is one visit, and so one auction.
 *
 * <p>The public columns (customer, stage and the visible features) go to every bidder as an
 * {@link AuctionBatch}. The memory rows are private: row m says what agent {@code memoryAgent[m]} knows of
 * the customer of visit v, for m in [memoryStart[v], memoryStart[v + 1]), sorted by (visit, agent). The
 * exchange hands each bidder only its own rows ({@link OwnMemory}). A customer has a memory row for an
 * agent only when it has one to give, so the columns grow with memories, not with agents.
 *
 * <p>Arrays are never modified after the batch is built; actors share them without copying.
 *
 * @param stages each customer's lifecycle stage code
 * @param region the customer's region code, visible features are all zeros when the scenario hides them
 * @param interests bit i = interest signal i
 * @param memoryFrequencyToday impressions of that agent's ads to the customer today
 * @param memoryLastImpressionTick the tick of that agent's last impression, {@link #NEVER} when unknown
 * @param memoryLastClickTick the tick of the customer's last click on that agent's ad, {@link #NEVER} when none
 */
public record VisitBatch(
    int[] customers, byte[] stages, short[] region, byte[] device, int[] interests, byte[] valueTier,
    int[] memoryStart, int[] memoryAgent, byte[] memoryFrequencyToday, int[] memoryLastImpressionTick,
    int[] memoryLastClickTick) {
  /** A tick that never was. */
  public static final int NEVER = Integer.MIN_VALUE;

  public static VisitBatch empty() {
    return of(new int[0], new byte[0], new int[] {0}, new int[0], new byte[0], new int[0], new int[0]);
  }

  /** A batch whose visible feature columns are all zeros. */
  public static VisitBatch of(int[] customers, byte[] stages, int[] memoryStart, int[] memoryAgent,
      byte[] memoryFrequencyToday, int[] memoryLastImpressionTick, int[] memoryLastClickTick) {
    int n = customers.length;
    return new VisitBatch(customers, stages, new short[n], new byte[n], new int[n], new byte[n], memoryStart,
        memoryAgent, memoryFrequencyToday, memoryLastImpressionTick, memoryLastClickTick);
  }

  public int size() {
    return customers.length;
  }

  public int memoryRows() {
    return memoryAgent.length;
  }

  /** The public columns, shared by every bidder. */
  public AuctionBatch auctions() {
    return new AuctionBatch(customers, stages, region, device, interests, valueTier);
  }

  /** Concatenates batches in the given order. */
  public static VisitBatch concat(VisitBatch[] parts) {
    int n = 0;
    int m = 0;
    for (VisitBatch p : parts) {
      n += p.size();
      m += p.memoryRows();
    }
    VisitBatch out = new VisitBatch(new int[n], new byte[n], new short[n], new byte[n], new int[n], new byte[n],
        new int[n + 1], new int[m], new byte[m], new int[m], new int[m]);
    int at = 0;
    int memAt = 0;
    for (VisitBatch p : parts) {
      int k = p.size();
      int r = p.memoryRows();
      System.arraycopy(p.customers, 0, out.customers, at, k);
      System.arraycopy(p.stages, 0, out.stages, at, k);
      System.arraycopy(p.region, 0, out.region, at, k);
      System.arraycopy(p.device, 0, out.device, at, k);
      System.arraycopy(p.interests, 0, out.interests, at, k);
      System.arraycopy(p.valueTier, 0, out.valueTier, at, k);
      for (int v = 0; v < k; v++) {
        out.memoryStart[at + v] = memAt + p.memoryStart[v];
      }
      System.arraycopy(p.memoryAgent, 0, out.memoryAgent, memAt, r);
      System.arraycopy(p.memoryFrequencyToday, 0, out.memoryFrequencyToday, memAt, r);
      System.arraycopy(p.memoryLastImpressionTick, 0, out.memoryLastImpressionTick, memAt, r);
      System.arraycopy(p.memoryLastClickTick, 0, out.memoryLastClickTick, memAt, r);
      at += k;
      memAt += r;
    }
    out.memoryStart[n] = memAt;
    return out;
  }

  /**
   * Builds a batch a visit at a time, each visit followed by its memory rows in ascending agent order. The
   * visible feature columns stay zeros.
   */
  public static final class Builder {
    private final int[] customers;
    private final byte[] stages;
    private final int[] memoryStart;
    private int visits;
    private int[] agent;
    private byte[] frequency;
    private int[] lastImpression;
    private int[] lastClick;
    private int rows;

    public Builder(int visits) {
      customers = new int[visits];
      stages = new byte[visits];
      memoryStart = new int[visits + 1];
      int cap = Math.max(16, visits);
      agent = new int[cap];
      frequency = new byte[cap];
      lastImpression = new int[cap];
      lastClick = new int[cap];
    }

    public void visit(int customer, byte stage) {
      customers[visits] = customer;
      stages[visits] = stage;
      memoryStart[visits] = rows;
      visits++;
    }

    /** A memory row of the last visit added. */
    public void memory(int agentIndex, byte frequencyToday, int lastImpressionTick, int lastClickTick) {
      if (rows == agent.length) {
        int cap = rows * 2;
        agent = Arrays.copyOf(agent, cap);
        frequency = Arrays.copyOf(frequency, cap);
        lastImpression = Arrays.copyOf(lastImpression, cap);
        lastClick = Arrays.copyOf(lastClick, cap);
      }
      agent[rows] = agentIndex;
      frequency[rows] = frequencyToday;
      lastImpression[rows] = lastImpressionTick;
      lastClick[rows] = lastClickTick;
      rows++;
    }

    public VisitBatch build() {
      if (visits != customers.length) {
        throw new IllegalStateException("built after " + visits + " of " + customers.length + " visits");
      }
      memoryStart[visits] = rows;
      return of(customers, stages, memoryStart, Arrays.copyOf(agent, rows), Arrays.copyOf(frequency, rows),
          Arrays.copyOf(lastImpression, rows), Arrays.copyOf(lastClick, rows));
    }
  }
}
