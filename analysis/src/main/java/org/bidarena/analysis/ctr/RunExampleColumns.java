package org.bidarena.analysis.ctr;

import java.util.Arrays;
import org.bidarena.core.protocol.VisitBatch;

/**
 * The examples of a run, columnar: per impression, what its winner saw (the public columns and the winner's
 * own memory row), the tick and day, the true click probability and the click.
 */
public final class RunExampleColumns {
  private int size;
  private int[] agent = new int[1024];
  private int[] stage = new int[1024];
  private int[] region = new int[1024];
  private int[] device = new int[1024];
  private int[] interests = new int[1024];
  private int[] tier = new int[1024];
  private long[] tick = new long[1024];
  private int[] frequency = new int[1024];
  private int[] lastImpression = new int[1024];
  private int[] lastClick = new int[1024];
  private double[] truth = new double[1024];
  private double[] visibleTruth = new double[1024];
  private byte[] clicked = new byte[1024];
  private int[] day = new int[1024];

  /** Adds visit {@code v} of {@code visits}, won by {@code winner}, as the winner saw it before the impression. */
  void add(VisitBatch visits, int v, int winner, long t, double probability, double withoutHidden, boolean click,
      int dayOfRun) {
    if (size == agent.length) {
      grow();
    }
    agent[size] = winner;
    stage[size] = visits.stages()[v];
    region[size] = visits.region()[v];
    device[size] = visits.device()[v];
    interests[size] = visits.interests()[v];
    tier[size] = visits.valueTier()[v];
    tick[size] = t;
    frequency[size] = 0;
    lastImpression[size] = VisitBatch.NEVER;
    lastClick[size] = VisitBatch.NEVER;
    for (int m = visits.memoryStart()[v]; m < visits.memoryStart()[v + 1]; m++) {
      if (visits.memoryAgent()[m] == winner) {
        frequency[size] = visits.memoryFrequencyToday()[m];
        lastImpression[size] = visits.memoryLastImpressionTick()[m];
        lastClick[size] = visits.memoryLastClickTick()[m];
      }
    }
    truth[size] = probability;
    visibleTruth[size] = withoutHidden;
    clicked[size] = (byte) (click ? 1 : 0);
    day[size] = dayOfRun;
    size++;
  }

  private void grow() {
    int n = size * 2;
    agent = Arrays.copyOf(agent, n);
    stage = Arrays.copyOf(stage, n);
    region = Arrays.copyOf(region, n);
    device = Arrays.copyOf(device, n);
    interests = Arrays.copyOf(interests, n);
    tier = Arrays.copyOf(tier, n);
    tick = Arrays.copyOf(tick, n);
    frequency = Arrays.copyOf(frequency, n);
    lastImpression = Arrays.copyOf(lastImpression, n);
    lastClick = Arrays.copyOf(lastClick, n);
    truth = Arrays.copyOf(truth, n);
    visibleTruth = Arrays.copyOf(visibleTruth, n);
    clicked = Arrays.copyOf(clicked, n);
    day = Arrays.copyOf(day, n);
  }

  public int size() {
    return size;
  }

  public int agent(int e) {
    return agent[e];
  }

  public int stage(int e) {
    return stage[e];
  }

  public int region(int e) {
    return region[e];
  }

  public int device(int e) {
    return device[e];
  }

  public int interests(int e) {
    return interests[e];
  }

  public int tier(int e) {
    return tier[e];
  }

  public long tick(int e) {
    return tick[e];
  }

  public int frequency(int e) {
    return frequency[e];
  }

  /** Ticks since the winner's last impression to the customer, -1 for never. */
  public long sinceImpression(int e) {
    return lastImpression[e] == VisitBatch.NEVER ? -1 : tick[e] - lastImpression[e];
  }

  /** Ticks since the customer last clicked the winner's ad, -1 for never. */
  public long sinceClick(int e) {
    return lastClick[e] == VisitBatch.NEVER ? -1 : tick[e] - lastClick[e];
  }

  public double truth(int e) {
    return truth[e];
  }

  /**
   * The true probability with the customer's hidden propensity replaced by its mean effect: what a bidder
   * that knew the click model exactly, but not the propensity no bidder sees, would predict.
   */
  public double visibleTruth(int e) {
    return visibleTruth[e];
  }

  public int clicked(int e) {
    return clicked[e];
  }

  public int day(int e) {
    return day[e];
  }

  public long clicks() {
    long c = 0;
    for (int e = 0; e < size; e++) {
      c += clicked[e];
    }
    return c;
  }
}
