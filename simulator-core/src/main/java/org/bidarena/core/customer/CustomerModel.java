package org.bidarena.core.customer;

import java.util.HashMap;
import java.util.Map;
import org.bidarena.core.customer.demand.CausalCredit;
import org.bidarena.core.customer.demand.PurchaseHazard;
import org.bidarena.core.customer.features.CustomerFeatures;
import org.bidarena.core.customer.memory.AgentSlots;
import org.bidarena.core.customer.memory.TouchHistory;
import org.bidarena.core.customer.response.ClickModel;
import org.bidarena.core.customer.response.Creatives;
import org.bidarena.core.protocol.ShardProtocol.Impressions;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.random.SeededStreams.Stream;
import org.bidarena.core.scenario.CustomerModelSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * How customers browse, respond to ads, buy and move through their lifecycle (market model 2.0,
 * docs/market-model-2.md). Pure: it reads and writes a {@link CustomerBucket} and draws every random number
 * from {@link SeededStreams} by (customer, tick), so a shard's tick gives the same result whatever else runs.
 *
 * <p>One tick of a shard: {@link #startTick} (a day's first tick ages memories and applies the day's organic
 * transitions), {@link #visitRows} (who views a page: one auction each), then {@link #respond} (the
 * impressions won: exposures, clicks, purchases with their causal credit, and the stage moves they cause).
 */
public final class CustomerModel {
  private final Scenario scenario;
  private final CustomerModelSpec spec;
  private final SeededStreams streams;
  private final int ticksPerDay;
  private final Traffic traffic;
  private final Funnel funnel;
  private final ClickModel clicks;
  private final PurchaseHazard hazard;
  private final double[] tierFactor;
  private final double orderValueMu;
  private final Map<Integer, ShardView> views = new HashMap<>();
  /** Told every impression's true click probability; null (the live runs) costs one test per impression. */
  private ImpressionObserver observer;

  /**
   * Hears each impression as {@link #respond} draws its click: for scoring click models against the true
   * probabilities (the oracle), which the journal does not hold. It changes nothing that is drawn.
   */
  public interface ImpressionObserver {
    /** Visit {@code visit} of the tick's batch (auction {@code auction}) was won by {@code agent}. */
    void impression(long tick, int visit, long auction, int customer, int agent, double clickProbability,
        boolean clicked);
  }

  /** What a model derives once per bucket: its customers' features and its creatives' wear. */
  private record ShardView(CustomerFeatures features, Creatives creatives, long[] refreshedAt) {}

  public CustomerModel(Scenario scenario, SeededStreams streams) {
    this.scenario = scenario;
    this.spec = scenario.customers();
    this.streams = streams;
    this.ticksPerDay = scenario.ticksPerDay();
    this.traffic = new Traffic(spec, ticksPerDay);
    this.funnel = new Funnel(spec.transitions());
    this.clicks = new ClickModel(spec, scenario.agents());
    this.hazard = new PurchaseHazard(spec, scenario.agents(), ticksPerDay);
    this.tierFactor = spec.features().tierFactors().clone();
    double sigma = spec.orderValueSigma();
    this.orderValueMu = StrictMath.log(spec.orderValueMeanMicros()) - sigma * sigma / 2;
  }

  /** Sets (or, with null, removes) the observer of impressions. */
  public void observe(ImpressionObserver o) {
    this.observer = o;
  }

  /** The customers of a shard before the first tick: stages drawn from the initial mix. */
  public CustomerBucket initialBucket(int shard) {
    int first = scenario.firstCustomer(shard);
    int size = scenario.firstCustomer(shard + 1) - first;
    CustomerBucket b = new CustomerBucket(first, size, creativesOf(first, size).count());
    for (int i = 0; i < size; i++) {
      long id = first + i;
      int stage = drawInitialStage(streams.uniform(Stream.INITIAL_STAGE, id, 0));
      b.stage[i] = (byte) stage;
      if (Funnel.customerBefore(stage)) {
        b.flags[i] = CustomerBucket.CUSTOMER;
      }
    }
    return b;
  }

  private Creatives creativesOf(int first, int size) {
    return new Creatives(scenario.agents(), spec.response(), spec.count(), size);
  }

  /** The features of the bucket's customers (drawn once per bucket and kept). */
  public CustomerFeatures features(CustomerBucket b) {
    return view(b).features;
  }

  private ShardView view(CustomerBucket b) {
    ShardView v = views.get(b.firstCustomer);
    if (v == null || v.features.size() != b.size) {
      Creatives creatives = creativesOf(b.firstCustomer, b.size);
      long[] refreshedAt = new long[creatives.count()];
      java.util.Arrays.fill(refreshedAt, -1);
      v = new ShardView(CustomerFeatures.draw(spec.features(), streams, b.firstCustomer, b.size), creatives,
          refreshedAt);
      views.put(b.firstCustomer, v);
    }
    return v;
  }

  private int drawInitialStage(double u) {
    double acc = 0;
    for (int s = 0; s < Stage.COUNT - 1; s++) {
      acc += spec.initialMix().get(s);
      if (u < acc) {
        return s;
      }
    }
    return Stage.COUNT - 1;
  }

  /**
   * Begins a tick: on the first tick of a day, ages memories and applies the day's organic transitions;
   * then refreshes the wear-out of the creatives shown since the last tick.
   */
  public void startTick(CustomerBucket b, long tick) {
    if (tick > 0 && tick % ticksPerDay == 0) {
      startDay(b, tick);
    }
    ShardView v = view(b);
    boolean changed = false;
    for (int k = 0; k < v.refreshedAt.length && !changed; k++) {
      changed = v.refreshedAt[k] != b.creativeImpressions[k];
    }
    if (changed) {
      v.creatives.refresh(b.creativeImpressions);
      System.arraycopy(b.creativeImpressions, 0, v.refreshedAt, 0, v.refreshedAt.length);
    }
  }

  private void startDay(CustomerBucket b, long now) {
    AgentSlots.startDay(b);
    for (int i = 0; i < b.size; i++) {
      b.stage[i] = (byte) funnel.daily(b.stage[i], streams.uniform(Stream.TRANSITION, b.firstCustomer + i, now, 2));
    }
  }

  /** The bucket rows of the customers who view a page this tick, ascending. */
  public int[] visitRows(CustomerBucket b, long tick) {
    long[] threshold = traffic.thresholds(tick);
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
    return java.util.Arrays.copyOf(rows, n);
  }

  /** The customers who view a page this tick, in id order, with their visible features and memory rows. */
  public VisitBatch visits(CustomerBucket b, long tick) {
    return VisitBatches.of(b, features(b), spec.features(), visitRows(b, tick));
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
    return VisitBatches.of(b, features(b), spec.features(), rows);
  }

  /** Applies the impressions of the shard's visits (visit v was auction {@code firstAuctionId + v}). */
  public ShardOutcomes respond(CustomerBucket b, long tick, VisitBatch visits, Impressions won) {
    if (won.winners().length != visits.size()) {
      throw new IllegalArgumentException(
          won.winners().length + " impressions for " + visits.size() + " visits at tick " + tick);
    }
    return respond(b, tick, visits.customers(), won.winners(), won.creatives(), won.firstAuctionId());
  }

  /**
   * Applies the tick's impressions and draws the customers' responses, visit by visit in order.
   *
   * <p>For a won visit: the agent's slot counts the impression (frequency, recent exposures), the creative's
   * shard count grows, the click is drawn from {@link ClickModel}, the touch joins the customer's history, and
   * the impression (or click) may move the customer along the {@link Funnel}. Then, won or not, the visit may
   * end in a purchase, drawn from the {@link PurchaseHazard} of the stage the customer had when the page was
   * viewed; a purchase records the touches' causal credit and its sampled cause ({@link CausalCredit}), and is
   * attributed by last click to the agent last clicked within the attribution window.
   *
   * @param customers the visiting customers, as sent
   * @param winners the winning agent of each visit's auction, or -1
   * @param creatives the winner's creative, by its number within the agent
   * @param firstAuctionId visit v was auction {@code firstAuctionId + v}
   */
  public ShardOutcomes respond(
      CustomerBucket b, long tick, int[] customers, int[] winners, int[] creatives, long firstAuctionId) {
    ShardView view = view(b);
    CustomerFeatures f = view.features;
    Creatives cr = view.creatives;
    int now = (int) tick;
    long window = attributionWindowTicks();
    OutcomeRows rows = new OutcomeRows();
    double[] terms = new double[CustomerBucket.TOUCHES];
    int[] ppm = new int[CustomerBucket.TOUCHES];
    int impressions = 0;
    int fatigued = 0;
    for (int v = 0; v < customers.length; v++) {
      int id = customers[v];
      int i = id - b.firstCustomer;
      int stage = b.stage[i];
      int winner = winners[v];
      boolean clicked = false;
      if (winner >= 0) {
        impressions++;
        long auction = firstAuctionId + v;
        int creative = cr.index(winner, creatives[v]);
        int recent = AgentSlots.impression(b, i, winner, now);
        boolean tired = clicks.fatigued(recent);
        if (tired) {
          fatigued++;
        }
        b.creativeImpressions[creative]++;
        boolean retargeted = b.lastClickAgent[i] == winner && withinWindow(b.lastClickAuction[i], now, window);
        double p = clicks.probability(stage, f.device()[i], f.interests()[i], f.propensity()[i], winner,
            cr.factor(creative), tired, retargeted);
        clicked = streams.uniform(Stream.CLICK, id, tick) < p;
        if (observer != null) {
          observer.impression(tick, v, auction, id, winner, p, clicked);
        }
        int touch = TouchHistory.add(b, i, winner, cr.local(winner, creatives[v]), TouchHistory.DISPLAY, now);
        if (clicked) {
          TouchHistory.markClicked(b, touch);
          AgentSlots.click(b, i, winner, now);
          b.lastClickAgent[i] = winner;
          b.lastClickAuction[i] = auction;
          rows.add(id, winner, ShardOutcomes.CLICK, 0, auction, ShardOutcomes.NO_PURCHASE);
        }
        b.stage[i] = (byte) funnel.afterImpression(stage, clicked, streams.uniform(Stream.TRANSITION, id, tick, 1));
      }
      double h = hazard.hazard(b, i, stage, now, terms);
      if (hazard.buys(streams.uniform(Stream.PURCHASE, id, tick), h, f.propensity()[i], stage)) {
        purchase(b, i, id, now, clicked, h, terms, ppm, rows, f.valueTier()[i], window);
      }
    }
    b.tick = tick;
    return rows.build(customers.length, impressions, fatigued, b.stageCounts());
  }

  private void purchase(
      CustomerBucket b, int i, int id, int now, boolean clickedNow, double h, double[] terms, int[] ppm,
      OutcomeRows rows, int tier, long window) {
    CausalCredit.shares(h, terms, ppm);
    int j = CausalCredit.cause(streams, id, now, ppm);
    int cause = j < 0 ? ShardOutcomes.ORGANIC : b.touchAgent[TouchHistory.ordered(b, i, j)];
    double z = streams.normal(Stream.ORDER_VALUE, id, now);
    long value = Math.max(1, Math.round(StrictMath.exp(orderValueMu + spec.orderValueSigma() * z) * tierFactor[tier]));
    int kind = ShardOutcomes.PURCHASE | ((b.flags[i] & CustomerBucket.CUSTOMER) == 0 ? ShardOutcomes.NEW_CUSTOMER : 0);
    if (clickedNow) {
      rows.setLast(kind | ShardOutcomes.CLICK, value, cause);
    } else if (b.lastClickAgent[i] >= 0 && withinWindow(b.lastClickAuction[i], now, window)) {
      rows.add(id, b.lastClickAgent[i], kind, value, b.lastClickAuction[i], cause);
    } else {
      rows.add(id, -1, kind, value, -1, cause);
    }
    for (int t = 0; t < ppm.length; t++) {
      if (ppm[t] > 0) {
        int k = TouchHistory.ordered(b, i, t);
        rows.credit(b.touchAgent[k], b.touchCreative[k], b.touchTick[k], ppm[t]);
      }
    }
    b.flags[i] |= CustomerBucket.CUSTOMER;
    b.stage[i] = (byte) Funnel.afterPurchase();
  }

  /** Whether a click in this auction is within the attribution window at tick {@code now}. */
  private static boolean withinWindow(long auction, int now, long window) {
    return auction >= 0 && now - (auction >>> 43) < window;
  }

  private long attributionWindowTicks() {
    return (long) spec.attributionWindowDays() * ticksPerDay;
  }
}
