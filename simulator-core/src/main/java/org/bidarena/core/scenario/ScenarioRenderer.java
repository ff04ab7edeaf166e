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
    b.append("  ctr {\n");
    b.append("    base = ").append(c.baseCtr()).append('\n');
    b.append("    stage-factor ").append(perStage(c.ctrStageFactor())).append('\n');
    b.append("    fatigue-threshold = ").append(c.fatigueThreshold()).append('\n');
    b.append("    fatigue-drop = ").append(c.fatigueDrop()).append('\n');
    b.append("    retargeting-lift = ").append(c.retargetingLift()).append('\n');
    b.append("  }\n");
    b.append("  conversion {\n");
    b.append("    base = ").append(c.baseConversion()).append('\n');
    b.append("    stage-factor ").append(perStage(c.conversionStageFactor())).append('\n');
    b.append("    delayed = ").append(c.delayedConversion()).append('\n');
    b.append("    attribution-window-days = ").append(c.attributionWindowDays()).append('\n');
    b.append("  }\n");
    b.append("  order-value { mean = ").append(Money.format(c.orderValueMeanMicros()))
        .append(", sigma = ").append(c.orderValueSigma()).append(" }\n");
    b.append("  transitions {\n");
    b.append("    exposure-to-interest = ").append(t.exposureToInterest()).append('\n');
    b.append("    click-to-interest = ").append(t.clickToInterest()).append('\n');
    b.append("    click-to-consideration = ").append(t.clickToConsideration()).append('\n');
    b.append("    churn-risk-click-to-consideration = ").append(t.churnRiskClickToConsideration()).append('\n');
    b.append("    purchase-to-retention-days = ").append(t.purchaseToRetentionDays()).append('\n');
    b.append("    retention-to-churn-risk-days = ").append(t.retentionToChurnRiskDays()).append('\n');
    b.append("    churn-risk-to-awareness-days = ").append(t.churnRiskToAwarenessDays()).append('\n');
    b.append("    interest-cooldown-days = ").append(t.interestCooldownDays()).append('\n');
    b.append("    consideration-cooldown-days = ").append(t.considerationCooldownDays()).append('\n');
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
