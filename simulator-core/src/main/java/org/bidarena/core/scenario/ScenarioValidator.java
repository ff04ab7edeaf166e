package org.bidarena.core.scenario;

import com.typesafe.config.Config;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a resolved scenario {@link Config} into a {@link Scenario}, checking every key strictly (types,
 * ranges, unknown keys); the agents are checked by {@link AgentValidator} against a {@link StrategyCatalog}.
 */
final class ScenarioValidator {
  /**
   * The largest single order, in micros: times the most customers (100,000,000, one order each per tick)
   * it stays below Long.MAX_VALUE, so no tick's revenue can overflow.
   */
  static final long MAX_ORDER_MICROS = 90_000_000_000L;
  /** The largest |z| SeededStreams.normal can return: sqrt(-2 ln 2^-53) = 8.57. */
  static final double MAX_NORMAL_DRAW = 8.58;
  static final int MAX_DAYS = 3650;
  static final int MAX_TICKS_PER_DAY = 1440;
  /** The longest run: 5,256,000 ticks. */
  static final long MAX_TICKS = (long) MAX_DAYS * MAX_TICKS_PER_DAY;
  /**
   * The most one customer can spend in a run, in micros: a customer visits at most once a tick and buys at
   * most once a visit, so at most {@link #MAX_TICKS} orders of {@link #MAX_ORDER_MICROS}: 473,040,000,000.000000,
   * about 1/19 of Long.MAX_VALUE. Computed exactly, so this class does not load if the ranges above ever
   * allow a lifetime value to overflow; {@link Money#addToLifetimeValue} checks each addition against it.
   */
  static final long MAX_LIFETIME_VALUE_MICROS = Math.multiplyExact(MAX_TICKS, MAX_ORDER_MICROS);

  /**
   * "curriculum" is read by bidarena train (the training module's Curriculum), "allocation" by bidarena allocate
   * (the allocation module's AllocationSettings); a run ignores both.
   */
  private static final List<String> TOP_KEYS = List.of(
      "name", "seed", "time", "customers", "exchange", "auction", "bidding", "journal", "reporting",
      "agent-defaults", "agents", "curriculum", "allocation");
  private static final List<String> CUSTOMER_KEYS = List.of(
      "count", "shards", "initial-mix", "visits-per-day", "diurnal-amplitude", "peak-hour", "day-of-week",
      "features", "ctr", "organic", "lift", "conversion", "order-value", "transitions");
  private static final List<String> TRANSITION_KEYS = List.of(
      "awareness-to-interest-per-day", "interest-to-consideration-per-day", "interest-to-awareness-per-day",
      "consideration-to-interest-per-day", "purchase-to-retention-per-day", "retention-to-churn-risk-per-day",
      "churn-risk-to-awareness-per-day", "exposure-to-interest", "exposure-to-consideration", "click-to-interest",
      "click-to-consideration", "churn-risk-click-to-consideration");
  private static final List<String> CTR_KEYS = List.of(
      "base", "stage-factor", "device-factor", "interest-match", "propensity-weight", "fatigue-threshold",
      "fatigue-drop", "retargeting-lift", "wear-out-half-life", "wear-out-floor");

  private ScenarioValidator() {}

  static Scenario validate(Config config, StrategyCatalog catalog) {
    ConfigNode root = new ConfigNode("", config.root());
    root.onlyKeys(TOP_KEYS);
    String name = root.string("name", 100);
    long seed = root.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);

    ConfigNode time = root.child("time", List.of("days", "ticks-per-day"));
    int days = (int) time.integer("days", 1, MAX_DAYS);
    int ticksPerDay = (int) time.integer("ticks-per-day", 1, MAX_TICKS_PER_DAY);

    ConfigNode customerNode = root.child("customers", CUSTOMER_KEYS);
    CustomerModelSpec customers = customers(customerNode, ticksPerDay);
    int shards = (int) customerNode.integer("shards", 1, 4096);
    if (shards > customers.count()) {
      throw customerNode.fail("shards", "must be at most customers.count (" + customers.count() + ")");
    }

    ConfigNode exchange = root.child("exchange", List.of("partitions"));
    int partitions = (int) exchange.integer("partitions", 1, 1024);
    if (partitions > shards) {
      throw exchange.fail("partitions", "must be at most customers.shards (" + shards + ")");
    }

    AuctionSpec auction = auction(root.child("auction", List.of("type", "reserve-cpm", "min-bid-cpm", "max-bid-cpm")));
    long baseBid = root.child("bidding", List.of("base-cpm")).cpm("base-cpm", true);
    int checkpointEvery = (int) root.child("journal", List.of("checkpoint-every-ticks"))
        .integer("checkpoint-every-ticks", 0, 1_000_000);

    ReportingSpec reporting = reporting(root.child("reporting", List.of("margin")));

    List<AgentSpec> agents = new AgentValidator(root, catalog, customers.features()).agents();
    Scenario scenario = new Scenario(
        name, seed, days, ticksPerDay, customers, shards, partitions, auction, baseBid, agents, checkpointEvery,
        reporting);
    for (AgentSpec a : agents) {
      try {
        catalog.find(a.strategy()).orElseThrow().check(a, scenario);
      } catch (IllegalArgumentException e) {
        // a strategy's own check (a model file that does not fit, say) is bad input, said in one line
        throw new ScenarioException("agents." + a.id() + ".strategy = " + a.strategy() + ": " + e.getMessage());
      }
    }
    return scenario;
  }

  /** The margin is a fraction 0..1 kept in parts per million: at most 6 decimals are meaningful. */
  private static ReportingSpec reporting(ConfigNode r) {
    return new ReportingSpec(Math.round(r.number("margin", 0, 1) * ReportingSpec.PPM));
  }

  private static CustomerModelSpec customers(ConfigNode c, int ticksPerDay) {
    int count = (int) c.integer("count", 1, 100_000_000);
    PerStage mix = c.perStage("initial-mix", 0, 1);
    double sum = Arrays.stream(mix.values()).sum();
    if (Math.abs(sum - 1.0) > 1e-9) {
      throw c.fail("initial-mix", "the shares must sum to 1 (they sum to " + sum + ")");
    }
    PerStage visits = c.perStage("visits-per-day", 0, ticksPerDay);
    double amplitude = c.number("diurnal-amplitude", 0, 0.99);
    int peakHour = (int) c.integer("peak-hour", 0, 23);

    double[] dayOfWeek = dayOfWeek(c);
    FeatureSpec features = FeatureValidator.features(c.child("features", FeatureValidator.KEYS));

    ConfigNode ctr = c.child("ctr", CTR_KEYS);
    double baseCtr = ctr.number("base", 0, 1);
    PerStage ctrFactor = ctr.perStage("stage-factor", 0, 100);
    int fatigueThreshold = (int) ctr.integer("fatigue-threshold", 1, 127);
    double fatigueDrop = ctr.number("fatigue-drop", 0, 1);
    double retargetingLift = ctr.number("retargeting-lift", 0, 100);
    ConfigNode devices = ctr.child("device-factor", FeatureSpec.DEVICES);
    double[] deviceFactor = new double[FeatureSpec.DEVICES.size()];
    for (int d = 0; d < deviceFactor.length; d++) {
      deviceFactor[d] = devices.number(FeatureSpec.DEVICES.get(d), 0, 100);
    }
    ResponseSpec response = new ResponseSpec(deviceFactor, ctr.number("interest-match", 0, 100),
        ctr.number("propensity-weight", 0, 2), ctr.positive("wear-out-half-life", 1e12),
        ctr.number("wear-out-floor", 0, 1));

    PerStage organic = c.child("organic", List.of("purchase-per-day")).perStage("purchase-per-day", 0, 10);
    ConfigNode lift = c.child("lift", List.of("impression", "click", "half-life-days"));
    DemandSpec demand = new DemandSpec(organic, lift.number("impression", 0, 10), lift.number("click", 0, 10),
        lift.positive("half-life-days", 365), dayOfWeek);

    ConfigNode conv = c.child("conversion", List.of("attribution-window-days"));
    int window = (int) conv.integer("attribution-window-days", 0, 365);

    ConfigNode order = c.child("order-value", List.of("mean", "sigma"));
    long orderMean = order.money("mean", true);
    double orderSigma = order.number("sigma", 0, 5);
    double topTier = java.util.Arrays.stream(features.tierFactors()).max().orElse(1);
    double largest = orderMean * topTier * Math.exp(MAX_NORMAL_DRAW * orderSigma - orderSigma * orderSigma / 2);
    if (largest > MAX_ORDER_MICROS) {
      throw new ScenarioException(String.format(java.util.Locale.ROOT, "customers.order-value: mean %s with sigma %s"
          + " (and the top value tier) can draw a single order of %.4g; the largest order allowed is %s"
          + " (so that no sum of a tick's orders"
          + " can overflow); lower the mean or the sigma", Money.format(orderMean), orderSigma, largest / 1e6,
          Money.format(MAX_ORDER_MICROS)));
    }

    ConfigNode t = c.child("transitions", TRANSITION_KEYS);
    double[] rate = new double[TRANSITION_KEYS.size()];
    for (int i = 0; i < rate.length; i++) {
      rate[i] = t.number(TRANSITION_KEYS.get(i), 0, 1);
    }
    var transitions = new CustomerModelSpec.Transitions(
        rate[0], rate[1], rate[2], rate[3], rate[4], rate[5], rate[6], rate[7], rate[8], rate[9], rate[10], rate[11]);

    return new CustomerModelSpec(
        count, mix, visits, amplitude, peakHour, features, baseCtr, ctrFactor, fatigueThreshold, fatigueDrop,
        retargetingLift, response, demand, window, orderMean, orderSigma, transitions);
  }

  /** Day-of-week factors; their mean must be 1 (within 0.01) so that they reshape traffic without scaling it. */
  private static double[] dayOfWeek(ConfigNode c) {
    ConfigNode days = c.child("day-of-week", DemandSpec.DAYS);
    double[] out = new double[7];
    double sum = 0;
    for (int d = 0; d < 7; d++) {
      out[d] = days.number(DemandSpec.DAYS.get(d), 0, 7);
      sum += out[d];
    }
    if (Math.abs(sum / 7 - 1) > 0.01) {
      throw c.fail("day-of-week", "the factors' mean must be 1 within 0.01 (it is " + sum / 7 + ")");
    }
    return out;
  }

  private static AuctionSpec auction(ConfigNode a) {
    AuctionType type = a.choice("type", AuctionType.values(), AuctionType::key);
    long max = a.cpm("max-bid-cpm", true);
    long min = a.cpm("min-bid-cpm", false);
    if (min > max) {
      throw a.fail("min-bid-cpm", "must be at most auction.max-bid-cpm (" + Money.formatCpm(max) + ")");
    }
    long reserve = a.cpm("reserve-cpm", false);
    if (reserve > max) {
      throw a.fail("reserve-cpm", "must be at most auction.max-bid-cpm (" + Money.formatCpm(max) + ")");
    }
    return new AuctionSpec(type, reserve, min, max);
  }
}
