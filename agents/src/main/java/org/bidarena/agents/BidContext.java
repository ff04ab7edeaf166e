package org.bidarena.agents;

import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.VisitBatch;

/**
 * The auction row a strategy prices, as a flyweight the planner moves from row to row (no allocation per
 * row). It shows the public columns of the row and only this agent's own memory of the customer, its
 * budget and the time left: never another agent's data.
 */
public final class BidContext {
  /** Returned by the "ticks since" getters when the event never happened (as far as the agent knows). */
  public static final long NEVER = -1;

  private long tick;
  private int partition;
  private AuctionBatch auctions;
  private long budgetLeftTodayMicros;
  private int ticksLeftInDay;
  private long ticksLeftInRun;
  private int row;
  private int frequencyToday;
  private int lastImpressionTick;
  private int lastClickTick;

  /** Starts a (tick, partition) batch. */
  void start(long tick, int partition, AuctionBatch auctions, long budgetLeftTodayMicros, int ticksLeftInDay,
      long ticksLeftInRun) {
    this.tick = tick;
    this.partition = partition;
    this.auctions = auctions;
    this.budgetLeftTodayMicros = budgetLeftTodayMicros;
    this.ticksLeftInDay = ticksLeftInDay;
    this.ticksLeftInRun = ticksLeftInRun;
  }

  /** Moves to a row, with the agent's own memory of its customer ({@link VisitBatch#NEVER} for none). */
  void moveTo(int row, int frequencyToday, int lastImpressionTick, int lastClickTick) {
    this.row = row;
    this.frequencyToday = frequencyToday;
    this.lastImpressionTick = lastImpressionTick;
    this.lastClickTick = lastClickTick;
  }

  /** A context for one row, for tests and tools that price a single auction. */
  public static BidContext of(long tick, int partition, AuctionBatch auctions, int row, int frequencyToday,
      int lastImpressionTick, int lastClickTick, long budgetLeftTodayMicros, int ticksLeftInDay, long ticksLeftInRun) {
    BidContext c = new BidContext();
    c.start(tick, partition, auctions, budgetLeftTodayMicros, ticksLeftInDay, ticksLeftInRun);
    c.moveTo(row, frequencyToday, lastImpressionTick, lastClickTick);
    return c;
  }

  public long tick() {
    return tick;
  }

  public int partition() {
    return partition;
  }

  /** The row of the auction in its (tick, partition) batch. */
  public int row() {
    return row;
  }

  public long auctionId() {
    return AuctionId.of(tick, partition, row);
  }

  public int customer() {
    return auctions.customers()[row];
  }

  /** The customer's lifecycle stage code. */
  public int stage() {
    return auctions.stages()[row];
  }

  /** Visible features; 0 when the scenario hides them from bidders. */
  public int region() {
    return auctions.region()[row];
  }

  public int device() {
    return auctions.device()[row];
  }

  /** Bit i set = interest signal i. */
  public int interests() {
    return auctions.interests()[row];
  }

  public int valueTier() {
    return auctions.valueTier()[row];
  }

  /** Impressions of this agent's ads to the customer today. */
  public int frequencyToday() {
    return frequencyToday;
  }

  /** Ticks since this agent's last impression to the customer, or {@link #NEVER}. */
  public long ticksSinceLastImpression() {
    return lastImpressionTick == VisitBatch.NEVER ? NEVER : tick - lastImpressionTick;
  }

  /** Ticks since the customer last clicked this agent's ad, or {@link #NEVER}. */
  public long ticksSinceLastClick() {
    return lastClickTick == VisitBatch.NEVER ? NEVER : tick - lastClickTick;
  }

  /** What is left of the agent's daily budget at the start of this tick, in micros. */
  public long budgetLeftTodayMicros() {
    return budgetLeftTodayMicros;
  }

  /** Ticks left in the day, this one included. */
  public int ticksLeftInDay() {
    return ticksLeftInDay;
  }

  /** Ticks left in the run, this one included. */
  public long ticksLeftInRun() {
    return ticksLeftInRun;
  }
}
