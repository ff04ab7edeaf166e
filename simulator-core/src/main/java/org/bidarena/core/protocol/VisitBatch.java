package org.bidarena.core.protocol;

/**
 * The page views of one tick, columnar: row i is one visit, and so one auction.
 *
 * <p>Arrays are never modified after the batch is built; actors share them without copying.
 *
 * @param customers the visiting customer ids
 * @param stages each customer's lifecycle stage code
 * @param frequency row-major [visit][agent]: impressions of that agent's ads to the customer today
 * @param lastClickAgent the agent whose ad the customer last clicked within the attribution window, or -1
 */
public record VisitBatch(int agents, int[] customers, byte[] stages, byte[] frequency, byte[] lastClickAgent) {

  public static VisitBatch empty(int agents) {
    return new VisitBatch(agents, new int[0], new byte[0], new byte[0], new byte[0]);
  }

  public int size() {
    return customers.length;
  }

  public int frequency(int visit, int agent) {
    return frequency[visit * agents + agent];
  }

  /** Concatenates batches in the given order. */
  public static VisitBatch concat(int agents, VisitBatch[] parts) {
    int n = 0;
    for (VisitBatch p : parts) {
      n += p.size();
    }
    int[] customers = new int[n];
    byte[] stages = new byte[n];
    byte[] frequency = new byte[n * agents];
    byte[] lastClick = new byte[n];
    int at = 0;
    for (VisitBatch p : parts) {
      int m = p.size();
      System.arraycopy(p.customers, 0, customers, at, m);
      System.arraycopy(p.stages, 0, stages, at, m);
      System.arraycopy(p.frequency, 0, frequency, at * agents, m * agents);
      System.arraycopy(p.lastClickAgent, 0, lastClick, at, m);
      at += m;
    }
    return new VisitBatch(agents, customers, stages, frequency, lastClick);
  }
}
