package org.bidarena.core.customer;

import static org.bidarena.core.customer.Stage.AWARENESS;
import static org.bidarena.core.customer.Stage.CHURN_RISK;
import static org.bidarena.core.customer.Stage.CONSIDERATION;
import static org.bidarena.core.customer.Stage.INTEREST;
import static org.bidarena.core.customer.Stage.PURCHASE;
import static org.bidarena.core.customer.Stage.RETENTION;

import org.bidarena.core.protocol.ShardProtocol.Impressions;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.random.SeededStreams.Stream;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.CustomerModelSpec;
import org.bidarena.core.scenario.CustomerModelSpec.Transitions;
import org.bidarena.core.scenario.Scenario;

/**
 * How customers browse, respond to ads and move through their lifecycle. Pure: it reads and writes a
 * {@link CustomerBucket} and draws every random number from {@link SeededStreams} by (customer, tick), so
 * a shard's tick gives the same result whatever else runs.
 *
 * <p>One tick of a shard: {@link #startTick} (a day's first tick ages memories and applies time-driven
 * transitions), {@link #visits} (who views a page: one auction each), then {@link #respond} (the
 * impressions won: exposures, clicks, purchases and the stage moves they cause).
 */
public final class CustomerModel {
  private final Scenario scenario;
  private final CustomerModelSpec spec;
  private final Transitions transitions;
  private final SeededStreams streams;
  private final int ticksPerDay;
  private final double[] relevance;
  /** Visit probability per [tick of day][stage], as a threshold on 53 random bits. */
  private final long[][] visitThreshold;
  private final double orderValueMu;

  public CustomerModel(Scenario scenario, SeededStreams streams) {
    this.scenario = scenario;
    this.spec = scenario.customers();
    this.transitions = spec.transitions();
    this.streams = streams;
    this.ticksPerDay = scenario.ticksPerDay();
    this.relevance = scenario.agents().stream().mapToDouble(AgentSpec::relevance).toArray();
    this.visitThreshold = new long[ticksPerDay][Stage.COUNT];
    for (int t = 0; t < ticksPerDay; t++) {
      double hour = 24.0 * t / ticksPerDay;
      double diurnal =
          1.0 + spec.diurnalAmplitude() * StrictMath.cos(2 * StrictMath.PI * (hour - spec.peakHour()) / 24.0);
      for (int s = 0; s < Stage.COUNT; s++) {
        double chance = Math.min(1.0, spec.visitsPerDay().get(s) / ticksPerDay * diurnal);
        visitThreshold[t][s] = (long) Math.ceil(chance * 0x1.0p53);
      }
    }
    double sigma = spec.orderValueSigma();
    this.orderValueMu = StrictMath.log(spec.orderValueMeanMicros()) - sigma * sigma / 2;
  }

  /** The customers of a shard before the first tick: stages drawn from the initial mix. */
  public CustomerBucket initialBucket(int shard) {
    int first = scenario.firstCustomer(shard);
    int size = scenario.firstCustomer(shard + 1) - first;
    CustomerBucket b = new CustomerBucket(first, size, scenario.agentCount());
    int recentDays = 3 * ticksPerDay;
    for (int i = 0; i < size; i++) {
      long id = first + i;
      b.stage[i] = drawInitialStage(streams.uniform(Stream.INITIAL_STAGE, id, 0));
      // Spread the last engagement over the days before the run, so that time-driven transitions
      // do not all fire on the same day.
      int engaged = -(int) (streams.uniform(Stream.INITIAL_ENGAGEMENT, id, 0) * recentDays) - 1;
      b.lastEngaged[i] = engaged;
      b.stageSince[i] = engaged;
      b.lastClickTick[i] = Integer.MIN_VALUE / 2;
    }
    return b;
  }

  private byte drawInitialStage(double u) {
    double acc = 0;
    for (int s = 0; s < Stage.COUNT - 1; s++) {
      acc += spec.initialMix().get(s);
      if (u < acc) {
        return (byte) s;
      }
    }
    return (byte) (Stage.COUNT - 1);
  }

  /** Begins a tick; on the first tick of a day, ages memories and applies time-driven transitions. */
  public void startTick(CustomerBucket b, long tick) {
    if (tick > 0 && tick % ticksPerDay == 0) {
      startDay(b, (int) tick);
    }
  }

  private void startDay(CustomerBucket b, int now) {
    for (int j = 0; j < b.exposuresToday.length; j++) {
      b.exposuresToday[j] = 0;
      b.recentExposures[j] = (byte) (b.recentExposures[j] >> 1);
    }
    int day = ticksPerDay;
    for (int i = 0; i < b.size; i++) {
      int quiet = now - Math.max(b.lastEngaged[i], b.stageSince[i]);
      Stage next = null;
      switch (Stage.of(b.stage[i])) {
        case PURCHASE -> {
          if (now - b.stageSince[i] >= transitions.purchaseToRetentionDays() * day) next = RETENTION;
        }
        case RETENTION -> {
          if (quiet >= transitions.retentionToChurnRiskDays() * day) next = CHURN_RISK;
        }
        case CHURN_RISK -> {
          if (quiet >= transitions.churnRiskToAwarenessDays() * day) next = AWARENESS;
        }
        case INTEREST -> {
          if (quiet >= transitions.interestCooldownDays() * day) next = AWARENESS;
        }
        case CONSIDERATION -> {
          if (quiet >= transitions.considerationCooldownDays() * day) next = INTEREST;
        }
        case AWARENESS -> {}
      }
      if (next != null) {
        moveTo(b, i, next, now);
      }
    }
  }

  /** The customers who view a page this tick, in id order. */
  public VisitBatch visits(CustomerBucket b, long tick) {
    long[] threshold = visitThreshold[(int) (tick % ticksPerDay)];
    int[] rows = new int[Math.max(16, b.size / 8)];
    int n = 0;
    // One stream key per tick, then one mix per customer: this scan touches every customer every tick.
    long key = streams.key(Stream.VISIT, tick);
    for (int i = 0; i < b.size; i++) {
      if ((SeededStreams.next(key, b.firstCustomer + i) >>> 11) < threshold[b.stage[i]]) {
        if (n == rows.length) {
          rows = java.util.Arrays.copyOf(rows, n * 2);
        }
        rows[n++] = i;
      }
    }
    return batch(b, tick, rows, n);
  }

  /**
   * The visits of the given customers (ids in the bucket, ascending), as {@link #visits} would give them
   * if these customers had drawn a visit: for re-playing recorded traffic against the bucket's state.
   */
  public VisitBatch visitsOf(CustomerBucket b, long tick, int[] customerIds) {
    int[] rows = new int[customerIds.length];
    for (int v = 0; v < rows.length; v++) {
      rows[v] = customerIds[v] - b.firstCustomer;
      if (rows[v] < 0 || rows[v] >= b.size) {
        throw new IllegalArgumentException("customer " + customerIds[v] + " is not in this bucket");
      }
    }
    return batch(b, tick, rows, rows.length);
  }

  /**
   * The visits of the given bucket rows. An agent has a memory row for a customer when its ads were seen
   * today or recently, or when its ad was the customer's last click.
   */
  private VisitBatch batch(CustomerBucket b, long tick, int[] rows, int n) {
    int agents = b.agents;
    VisitBatch.Builder out = new VisitBatch.Builder(n);
    for (int v = 0; v < n; v++) {
      int i = rows[v];
      out.visit(b.firstCustomer + i, b.stage[i]);
      for (int a = 0, m = i * agents; a < agents; a++, m++) {
        boolean clicked = b.lastClickAgent[i] == a;
        if (b.exposuresToday[m] > 0 || b.recentExposures[m] > 0 || clicked) {
          out.memory(a, b.exposuresToday[m], VisitBatch.NEVER, clicked ? b.lastClickTick[i] : VisitBatch.NEVER);
        }
      }
    }
    return out.build();
  }

  /**
   * Applies the tick's impressions and draws the customers' responses.
   *
   * <p>Probabilities use the stage the customer had when the page was viewed. A shown ad is clicked with
   * base CTR x stage factor x the agent's relevance, less the fatigue drop once the customer has seen
   * the agent's ads {@code fatigueThreshold} times recently, and times the retargeting lift when the
   * customer's last click was on this agent. A click converts with base rate x stage factor. A visit
   * without a click may still convert, credited to the last click, while that click is within the
   * attribution window.
   */
  public ShardOutcomes respond(CustomerBucket b, long tick, VisitBatch visits, Impressions won) {
    int[] winners = won.winners();
    int now = (int) tick;
    int agents = b.agents;
    long window = attributionWindowTicks();
    OutcomeRows rows = new OutcomeRows();
    int impressions = 0;
    for (int v = 0; v < visits.size(); v++) {
      int id = visits.customers()[v];
      int i = id - b.firstCustomer;
      int stage = b.stage[i];
      int winner = winners[v];
      boolean clicked = false;
      if (winner >= 0) {
        impressions++;
        int m = i * agents + winner;
        b.exposuresToday[m] = saturatingIncrement(b.exposuresToday[m]);
        b.recentExposures[m] = saturatingIncrement(b.recentExposures[m]);
        double ctr = spec.baseCtr() * spec.ctrStageFactor().get(stage) * relevance[winner];
        if (b.recentExposures[m] >= spec.fatigueThreshold()) {
          ctr *= 1.0 - spec.fatigueDrop();
        }
        if (b.lastClickAgent[i] == winner && now - b.lastClickTick[i] < window) {
          ctr *= spec.retargetingLift();
        }
        clicked = streams.uniform(Stream.CLICK, id, tick) < ctr;
        if (clicked) {
          long auction = won.firstAuctionId() + v;
          b.lastClickAgent[i] = winner;
          b.lastClickTick[i] = now;
          b.lastClickAuction[i] = auction;
          b.lastEngaged[i] = now;
          double conversion = spec.baseConversion() * spec.conversionStageFactor().get(stage);
          if (streams.uniform(Stream.PURCHASE, id, tick) < conversion) {
            long value = purchase(b, i, id, now);
            rows.add(id, winner, ShardOutcomes.CLICK | ShardOutcomes.PURCHASE, value, auction);
          } else {
            rows.add(id, winner, ShardOutcomes.CLICK, 0, auction);
            moveOnClick(b, i, id, now, stage);
          }
        } else if (stage == AWARENESS.ordinal()
            && streams.uniform(Stream.TRANSITION, id, tick, 0) < transitions.exposureToInterest()) {
          moveTo(b, i, INTEREST, now);
        }
      }
      int credited = b.lastClickAgent[i];
      if (!clicked && credited >= 0 && now - b.lastClickTick[i] < window) {
        double delayed = spec.delayedConversion() * spec.conversionStageFactor().get(stage);
        if (streams.uniform(Stream.DELAYED_PURCHASE, id, tick) < delayed) {
          long value = purchase(b, i, id, now);
          rows.add(id, credited, ShardOutcomes.PURCHASE, value, b.lastClickAuction[i]);
        }
      }
    }
    b.tick = tick;
    return rows.build(visits.size(), impressions, b.stageCounts());
  }

  private long purchase(CustomerBucket b, int i, long id, int now) {
    double z = streams.normal(Stream.ORDER_VALUE, id, now);
    long value = Math.max(1, Math.round(StrictMath.exp(orderValueMu + spec.orderValueSigma() * z)));
    b.lifetimeValueMicros[i] += value;
    b.lastEngaged[i] = now;
    moveTo(b, i, PURCHASE, now);
    return value;
  }

  private void moveOnClick(CustomerBucket b, int i, long id, int now, int stage) {
    double u = streams.uniform(Stream.TRANSITION, id, now, 1);
    if (stage == AWARENESS.ordinal() && u < transitions.clickToInterest()) {
      moveTo(b, i, INTEREST, now);
    } else if (stage == INTEREST.ordinal() && u < transitions.clickToConsideration()) {
      moveTo(b, i, CONSIDERATION, now);
    } else if (stage == CHURN_RISK.ordinal() && u < transitions.churnRiskClickToConsideration()) {
      moveTo(b, i, CONSIDERATION, now);
    }
  }

  private static void moveTo(CustomerBucket b, int i, Stage next, int now) {
    b.stage[i] = next.code();
    b.stageSince[i] = now;
  }

  private long attributionWindowTicks() {
    return (long) spec.attributionWindowDays() * ticksPerDay;
  }

  private static byte saturatingIncrement(byte count) {
    return count >= CustomerBucket.MAX_COUNT ? count : (byte) (count + 1);
  }

  /** Grows the outcome columns as rows are added. */
  private static final class OutcomeRows {
    private int[] customers = new int[16];
    private int[] agents = new int[16];
    private byte[] kinds = new byte[16];
    private long[] revenue = new long[16];
    private long[] auctions = new long[16];
    private int n;

    void add(int customer, int agent, int kind, long revenueMicros, long auctionId) {
      if (n == customers.length) {
        int cap = n * 2;
        customers = java.util.Arrays.copyOf(customers, cap);
        agents = java.util.Arrays.copyOf(agents, cap);
        kinds = java.util.Arrays.copyOf(kinds, cap);
        revenue = java.util.Arrays.copyOf(revenue, cap);
        auctions = java.util.Arrays.copyOf(auctions, cap);
      }
      customers[n] = customer;
      agents[n] = agent;
      kinds[n] = (byte) kind;
      revenue[n] = revenueMicros;
      auctions[n] = auctionId;
      n++;
    }

    ShardOutcomes build(int visits, int impressions, int[] stageCounts) {
      return new ShardOutcomes(
          visits, impressions, java.util.Arrays.copyOf(customers, n), java.util.Arrays.copyOf(agents, n),
          java.util.Arrays.copyOf(kinds, n), java.util.Arrays.copyOf(revenue, n), java.util.Arrays.copyOf(auctions, n), stageCounts);
    }
  }
}
