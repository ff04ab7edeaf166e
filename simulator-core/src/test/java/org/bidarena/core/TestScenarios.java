package org.bidarena.core;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.core.testing.TestCatalog;

/**
 * Small, valid scenarios for tests, read through {@link ScenarioLoader} so that they mean what the default
 * scenario file says. Overrides use the loader's {@code --set} syntax: {@code key=value} in HOCON.
 */
public final class TestScenarios {
  /** Ticks per day of {@link #small}: one an hour, so day boundaries are easy to count. */
  public static final int TICKS_PER_DAY = 24;

  private TestScenarios() {}

  /**
   * The default scenario cut down to 200 customers in one shard served by one partition, 24 ticks a day;
   * {@code overrides} are laid over that, later ones winning.
   */
  public static Scenario small(long seed, String... overrides) {
    List<String> all = new ArrayList<>(List.of(
        "customers.count=200",
        "customers.shards=1",
        "exchange.partitions=1",
        "time.ticks-per-day=" + TICKS_PER_DAY));
    all.addAll(List.of(overrides));
    return ScenarioLoader.loadDefault(all, seed, TestCatalog.installedOrStandIn());
  }

  /**
   * Overrides that make the customer model certain: every customer visits at every tick, nobody clicks, buys
   * or changes stage by chance, every stage, device and feature factor and the retargeting lift is 1, and
   * creatives do not wear out. A test then turns on exactly the probability it is about.
   */
  public static String[] certain(String... overrides) {
    List<String> all = new ArrayList<>(List.of(
        "customers.diurnal-amplitude=0",
        "customers.day-of-week={ monday = 1, tuesday = 1, wednesday = 1, thursday = 1, friday = 1, saturday = 1, sunday = 1 }",
        "customers.visits-per-day=" + perStage(TICKS_PER_DAY),
        "customers.features.propensity-sigma=0",
        "customers.ctr.base=0",
        "customers.ctr.stage-factor=" + perStage(1),
        "customers.ctr.device-factor={ mobile = 1, desktop = 1, ctv = 1 }",
        "customers.ctr.interest-match=1",
        "customers.ctr.fatigue-threshold=127",
        "customers.ctr.fatigue-drop=0",
        "customers.ctr.retargeting-lift=1",
        "customers.ctr.wear-out-floor=1",
        "customers.organic.purchase-per-day=" + perStage(0),
        "customers.lift.impression=0",
        "customers.lift.click=0",
        "customers.transitions={ awareness-to-interest-per-day = 0, interest-to-consideration-per-day = 0,"
            + " interest-to-awareness-per-day = 0, consideration-to-interest-per-day = 0,"
            + " purchase-to-retention-per-day = 0, retention-to-churn-risk-per-day = 0,"
            + " churn-risk-to-awareness-per-day = 0, exposure-to-interest = 0, exposure-to-consideration = 0,"
            + " click-to-interest = 0, click-to-consideration = 0, churn-risk-click-to-consideration = 0 }",
        "agent-defaults.relevance=1"));
    all.addAll(List.of(overrides));
    return all.toArray(String[]::new);
  }

  /** A small scenario with {@link #certain} settings under {@code overrides}. */
  public static Scenario certainSmall(long seed, String... overrides) {
    return small(seed, certain(overrides));
  }

  /** The HOCON object giving every stage the same value. */
  public static String perStage(double value) {
    String v = Double.toString(value);
    return "{ awareness = " + v + ", interest = " + v + ", consideration = " + v + ", purchase = " + v
        + ", retention = " + v + ", churn-risk = " + v + " }";
  }

  /** The initial-mix override that puts every customer in {@code stageKey} (a key such as churn-risk). */
  public static String allStartIn(String stageKey) {
    List<String> shares = new ArrayList<>();
    for (String key : List.of("awareness", "interest", "consideration", "purchase", "retention", "churn-risk")) {
      shares.add(key + " = " + (key.equals(stageKey) ? "1" : "0"));
    }
    return "customers.initial-mix={ " + String.join(", ", shares) + " }";
  }
}
