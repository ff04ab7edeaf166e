package org.bidarena.agents.learning;

import org.bidarena.agents.TickSettlement;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * What a learner knows of its market after each settled tick, as the DRLB state (Wu et al. 2018): the share
 * of the day left, the share of the daily budget left, and running win rate, cost per impression and ROAS,
 * plus the multiplier it played last. It sees only the agent's own settlements, exactly what the Bidder
 * passes on, and keeps its running sums with a fixed decay so that replays learn identically.
 */
public final class MarketObservation {
  /** The state layout, written into model files so a policy is never run on another layout. */
  public static final String LAYOUT = "drlb-6(day-left,budget-left,win-rate,cost-per-impression,roas,last-multiplier)";
  public static final int DIM = 6;

  private static final double DECAY = StrictMath.pow(0.5, 1.0 / 8);

  private final double maxMultiplier;
  private int ticksPerDay;
  private long dailyBudgetMicros;
  private long baseBidMicros;
  private long marginPpm;
  private long spentToday;
  private double ewBids;
  private double ewImpressions;
  private double ewSpend;
  private double ewRevenue;
  private long nextTick;

  public MarketObservation(AgentSpec agent, Scenario scenario, double maxMultiplier) {
    this.maxMultiplier = maxMultiplier;
    configure(agent, scenario);
  }

  /** Takes the market's constants from a scenario: a curriculum stage may change budgets and prices. */
  public void configure(AgentSpec agent, Scenario scenario) {
    this.ticksPerDay = scenario.ticksPerDay();
    this.dailyBudgetMicros = Math.max(1, agent.dailyBudgetMicros());
    this.baseBidMicros = Math.max(1, scenario.baseBidMicros());
    this.marginPpm = scenario.reporting().marginPpm();
  }

  /** Forgets the running sums: a new episode starts at tick 0. */
  public void reset() {
    spentToday = 0;
    ewBids = ewImpressions = ewSpend = ewRevenue = 0;
    nextTick = 0;
  }

  /** Takes in a settled tick and returns its reward: profit (revenue x margin - spend) per tick's budget share. */
  public double settle(TickSettlement s) {
    ewBids = ewBids * DECAY + s.bids();
    ewImpressions = ewImpressions * DECAY + s.impressions();
    ewSpend = ewSpend * DECAY + s.spendMicros();
    ewRevenue = ewRevenue * DECAY + s.revenueMicros();
    spentToday += s.spendMicros();
    nextTick = s.tick() + 1;
    if (nextTick % ticksPerDay == 0) {
      spentToday = 0;
    }
    return profitMicros(s) / ((double) dailyBudgetMicros / ticksPerDay);
  }

  /** The tick's profit in micros, as the metrics count it. */
  public long profitMicros(TickSettlement s) {
    return s.revenueMicros() * marginPpm / 1_000_000L - s.spendMicros();
  }

  /** Micros as a share of one tick's part of the daily budget (the scale of every reward). */
  public double perTickBudget(double micros) {
    return micros / ((double) dailyBudgetMicros / ticksPerDay);
  }

  /** The state before the next tick, given the multiplier played last. */
  public double[] state(double lastMultiplier) {
    double ticksLeft = ticksPerDay - nextTick % ticksPerDay;
    return new double[] {
        ticksLeft / ticksPerDay,
        Math.max(0, dailyBudgetMicros - spentToday) / (double) dailyBudgetMicros,
        ewBids > 0 ? ewImpressions / ewBids : 0,
        ewImpressions > 0 ? Math.min(4, ewSpend / ewImpressions / baseBidMicros) : 0,
        ewSpend > 0 ? Math.min(20, ewRevenue / ewSpend) / 10 : 0,
        lastMultiplier / maxMultiplier};
  }

  /** Running sums for a checkpoint. */
  public double[] state() {
    return new double[] {spentToday, ewBids, ewImpressions, ewSpend, ewRevenue, nextTick};
  }

  public void restore(double[] s) {
    spentToday = (long) s[0];
    ewBids = s[1];
    ewImpressions = s[2];
    ewSpend = s[3];
    ewRevenue = s[4];
    nextTick = (long) s[5];
  }

  public static final int STATE_SIZE = 6;
}
