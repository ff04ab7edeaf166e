package org.bidarena.core.scenario;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.bidarena.core.customer.Stage;

/** Writes a resolved scenario back as HOCON that spells out every key, so it does not depend on the default file. */
final class ScenarioRenderer {
  private ScenarioRenderer() {}

  static String render(Scenario s) {
    CustomerModelSpec c = s.customers();
    CustomerModelSpec.Transitions t = c.transitions();
    StringBuilder b = new StringBuilder();
    b.append("# A resolved BidArena scenario: every key is spelled out, so it does not depend on the default file.\n");
    b.append("name = ").append(quote(s.name())).append('\n');
    b.append("seed = ").append(s.seed()).append('\n');
    b.append("time { days = ").append(s.days()).append(", ticks-per-day = ").append(s.ticksPerDay()).append(" }\n");
    b.append("customers {\n");
    b.append("  count = ").append(c.count()).append('\n');
    b.append("  shards = ").append(s.shards()).append('\n');
    b.append("  initial-mix ").append(perStage(c.initialMix())).append('\n');
    b.append("  visits-per-day ").append(perStage(c.visitsPerDay())).append('\n');
    b.append("  diurnal-amplitude = ").append(c.diurnalAmplitude()).append('\n');
    b.append("  peak-hour = ").append(c.peakHour()).append('\n');
    b.append("  day-of-week ").append(named(DemandSpec.DAYS, c.demand().dayOfWeek())).append('\n');
    FeatureSpec f = c.features();
    b.append("  features {\n");
    b.append("    regions ").append(named(f.regions(), f.regionWeights())).append('\n');
    b.append("    devices ").append(named(FeatureSpec.DEVICES, f.deviceWeights())).append('\n');
    b.append("    interests ").append(named(f.interests(), f.interestPrevalence())).append('\n');
    b.append("    value-tier-weights = ").append(Arrays.toString(f.tierWeights())).append('\n');
    b.append("    value-tier-factors = ").append(Arrays.toString(f.tierFactors())).append('\n');
    b.append("    propensity-sigma = ").append(f.propensitySigma()).append('\n');
    b.append("    region-propensity ").append(named(f.regions(), f.regionPropensity())).append('\n');
    b.append("    visible-to-bidders = ").append(visible(f.visibleMask())).append('\n');
    b.append("  }\n");
    ResponseSpec r = c.response();
    b.append("  ctr {\n");
    b.append("    base = ").append(c.baseCtr()).append('\n');
    b.append("    stage-factor ").append(perStage(c.ctrStageFactor())).append('\n');
    b.append("    device-factor ").append(named(FeatureSpec.DEVICES, r.deviceFactor())).append('\n');
    b.append("    interest-match = ").append(r.interestMatch()).append('\n');
    b.append("    propensity-weight = ").append(r.propensityWeight()).append('\n');
    b.append("    fatigue-threshold = ").append(c.fatigueThreshold()).append('\n');
    b.append("    fatigue-drop = ").append(c.fatigueDrop()).append('\n');
    b.append("    retargeting-lift = ").append(c.retargetingLift()).append('\n');
    b.append("    wear-out-half-life = ").append(r.wearOutHalfLife()).append('\n');
    b.append("    wear-out-floor = ").append(r.wearOutFloor()).append('\n');
    b.append("  }\n");
    DemandSpec d = c.demand();
    b.append("  organic { purchase-per-day ").append(perStage(d.organicPerDay())).append(" }\n");
    b.append("  lift { impression = ").append(d.impressionLift()).append(", click = ").append(d.clickLift())
        .append(", half-life-days = ").append(d.liftHalfLifeDays()).append(" }\n");
    b.append("  conversion { attribution-window-days = ").append(c.attributionWindowDays()).append(" }\n");
    b.append("  order-value { mean = ").append(Money.format(c.orderValueMeanMicros()))
        .append(", sigma = ").append(c.orderValueSigma()).append(" }\n");
    b.append("  transitions {\n");
    b.append("    awareness-to-interest-per-day = ").append(t.awarenessToInterestPerDay()).append('\n');
    b.append("    interest-to-consideration-per-day = ").append(t.interestToConsiderationPerDay()).append('\n');
    b.append("    interest-to-awareness-per-day = ").append(t.interestToAwarenessPerDay()).append('\n');
    b.append("    consideration-to-interest-per-day = ").append(t.considerationToInterestPerDay()).append('\n');
    b.append("    purchase-to-retention-per-day = ").append(t.purchaseToRetentionPerDay()).append('\n');
    b.append("    retention-to-churn-risk-per-day = ").append(t.retentionToChurnRiskPerDay()).append('\n');
    b.append("    churn-risk-to-awareness-per-day = ").append(t.churnRiskToAwarenessPerDay()).append('\n');
    b.append("    exposure-to-interest = ").append(t.exposureToInterest()).append('\n');
    b.append("    exposure-to-consideration = ").append(t.exposureToConsideration()).append('\n');
    b.append("    click-to-interest = ").append(t.clickToInterest()).append('\n');
    b.append("    click-to-consideration = ").append(t.clickToConsideration()).append('\n');
    b.append("    churn-risk-click-to-consideration = ").append(t.churnRiskClickToConsideration()).append('\n');
    b.append("  }\n");
    b.append("}\n");
    b.append("exchange { partitions = ").append(s.partitions()).append(" }\n");
    AuctionSpec a = s.auction();
    b.append("auction { type = ").append(a.type().key())
        .append(", reserve-cpm = ").append(Money.formatCpm(a.reserveMicros()))
        .append(", min-bid-cpm = ").append(Money.formatCpm(a.minBidMicros()))
        .append(", max-bid-cpm = ").append(Money.formatCpm(a.maxBidMicros())).append(" }\n");
    b.append("bidding { base-cpm = ").append(Money.formatCpm(s.baseBidMicros())).append(" }\n");
    b.append("journal { checkpoint-every-ticks = ").append(s.checkpointEveryTicks()).append(" }\n");
    b.append("reporting { margin = ").append(ConfigNode.plain(s.reporting().margin())).append(" }\n");
    b.append("agents {\n");
    for (AgentSpec g : s.agents()) {
      b.append("  ").append(quote(g.id())).append(" {\n");
      b.append("    strategy = ").append(quote(g.strategy())).append('\n');
      b.append("    daily-budget = ").append(Money.format(g.dailyBudgetMicros())).append('\n');
      b.append("    pacing = ").append(g.pacing().key()).append('\n');
      b.append("    frequency-cap = ").append(g.frequencyCap()).append('\n');
      b.append("    relevance = ").append(g.relevance()).append('\n');
      b.append("    stages = ").append(stages(g.stageMask())).append('\n');
      b.append("    interests = ").append(interests(c.features(), g.interestMask())).append('\n');
      b.append("    lift = ").append(g.lift()).append('\n');
      b.append("    creatives = ").append(g.creatives().stream()
          .map(cr -> "{ name = " + quote(cr.name()) + ", appeal = " + cr.appeal() + " }")
          .collect(Collectors.joining(", ", "[", "]"))).append('\n');
      for (StrategySettings.Value v : g.settings().values()) {
        b.append("    ").append(v.key()).append(" = ").append(v.text()).append('\n');
      }
      b.append("  }\n");
    }
    b.append("}\n");
    return b.toString();
  }

  private static String perStage(PerStage p) {
    return Arrays.stream(Stage.values())
        .map(st -> st.key() + " = " + p.get(st))
        .collect(Collectors.joining(", ", "{ ", " }"));
  }

  private static String named(java.util.List<String> names, double[] values) {
    StringBuilder b = new StringBuilder("{ ");
    for (int i = 0; i < names.size(); i++) {
      b.append(i > 0 ? ", " : "").append(quote(names.get(i))).append(" = ").append(values[i]);
    }
    return b.append(" }").toString();
  }

  private static String visible(int mask) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < FeatureSpec.VISIBLE.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        b.append(b.length() > 1 ? ", " : "").append(FeatureSpec.VISIBLE.get(i));
      }
    }
    return b.append("]").toString();
  }

  private static String interests(FeatureSpec f, int mask) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < f.interests().size(); i++) {
      if ((mask & (1 << i)) != 0) {
        b.append(b.length() > 1 ? ", " : "").append(quote(f.interests().get(i)));
      }
    }
    return b.append("]").toString();
  }

  private static String stages(int mask) {
    return Arrays.stream(Stage.values())
        .filter(st -> (mask & (1 << st.ordinal())) != 0)
        .map(st -> quote(st.key()))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String quote(String s) {
    return ConfigValueFactory.fromAnyRef(s).render(ConfigRenderOptions.concise());
  }
}
