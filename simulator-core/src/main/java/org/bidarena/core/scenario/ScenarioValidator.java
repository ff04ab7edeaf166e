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

  private static final List<String> TOP_KEYS = List.of(
      "name", "seed", "time", "customers", "exchange", "auction", "bidding", "journal", "reporting",
      "agent-defaults", "agents");
  private static final List<String> CUSTOMER_KEYS = List.of(
      "count", "shards", "initial-mix", "visits-per-day", "diurnal-amplitude", "peak-hour", "ctr",
      "conversion", "order-value", "transitions");
  private static final List<String> TRANSITION_KEYS = List.of(
      "exposure-to-interest", "click-to-interest", "click-to-consideration",
      "churn-risk-click-to-consideration", "purchase-to-retention-days", "retention-to-churn-risk-days",
      "churn-risk-to-awareness-days", "interest-cooldown-days", "consideration-cooldown-days");

  private ScenarioValidator() {}

  static Scenario validate(Config config, StrategyCatalog catalog) {
    ConfigNode root = new ConfigNode("", config.root());
    root.onlyKeys(TOP_KEYS);
    String name = root.string("name", 100);
    long seed = root.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);

    ConfigNode time = root.child("time", List.of("days", "ticks-per-day"));
    int days = (int) time.integer("days", 1, 3650);
    int ticksPerDay = (int) time.integer("ticks-per-day", 1, 1440);

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

    List<AgentSpec> agents = new AgentValidator(root, catalog).agents();
    return new Scenario(
        name, seed, days, ticksPerDay, customers, shards, partitions, auction, baseBid, agents, checkpointEvery,
        reporting);
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

    ConfigNode ctr = c.child("ctr", List.of("base", "stage-factor", "fatigue-threshold", "fatigue-drop", "retargeting-lift"));
    double baseCtr = ctr.number("base", 0, 1);
    PerStage ctrFactor = ctr.perStage("stage-factor", 0, 100);
    int fatigueThreshold = (int) ctr.integer("fatigue-threshold", 1, 10_000);
    double fatigueDrop = ctr.number("fatigue-drop", 0, 1);
    double retargetingLift = ctr.number("retargeting-lift", 0, 100);

    ConfigNode conv = c.child("conversion", List.of("base", "stage-factor", "delayed", "attribution-window-days"));
    double baseConversion = conv.number("base", 0, 1);
    PerStage conversionFactor = conv.perStage("stage-factor", 0, 100);
    double delayed = conv.number("delayed", 0, 1);
    int window = (int) conv.integer("attribution-window-days", 0, 365);

    ConfigNode order = c.child("order-value", List.of("mean", "sigma"));
    long orderMean = order.money("mean", true);
    double orderSigma = order.number("sigma", 0, 5);
    double largest = orderMean * Math.exp(MAX_NORMAL_DRAW * orderSigma - orderSigma * orderSigma / 2);
    if (largest > MAX_ORDER_MICROS) {
      throw new ScenarioException(String.format(java.util.Locale.ROOT, "customers.order-value: mean %s with sigma %s"
          + " can draw a single order of %.4g; the largest order allowed is %s (so that no sum of a tick's orders"
          + " can overflow); lower the mean or the sigma", Money.format(orderMean), orderSigma, largest / 1e6,
          Money.format(MAX_ORDER_MICROS)));
    }

    ConfigNode t = c.child("transitions", TRANSITION_KEYS);
    var transitions = new CustomerModelSpec.Transitions(
        t.number("exposure-to-interest", 0, 1),
        t.number("click-to-interest", 0, 1),
        t.number("click-to-consideration", 0, 1),
        t.number("churn-risk-click-to-consideration", 0, 1),
        (int) t.integer("purchase-to-retention-days", 0, 3650),
        (int) t.integer("retention-to-churn-risk-days", 0, 3650),
        (int) t.integer("churn-risk-to-awareness-days", 0, 3650),
        (int) t.integer("interest-cooldown-days", 0, 3650),
        (int) t.integer("consideration-cooldown-days", 0, 3650));

    return new CustomerModelSpec(
        count, mix, visits, amplitude, peakHour, baseCtr, ctrFactor, fatigueThreshold, fatigueDrop,
        retargetingLift, baseConversion, conversionFactor, delayed, window, orderMean, orderSigma, transitions);
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
