package org.bidarena.agents.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bidarena.agents.StrategyDecision;

/**
 * The campaign's optimisation agents, run at the end of a tick on their cadences, in a fixed order
 * (monitor, lifecycle, budget, creative, audience), each from the cells' numbers at that boundary only, so a
 * replay or a resumed run takes the same decisions. Every decision is returned with its reason and numbers.
 *
 * <p>The lifecycle manager runs on the monitor's cadence (it judges the monitor's numbers). The
 * cross-platform synthesiser, merges, spawns and the pattern library are not built yet.
 */
final class CampaignOptimiser {
  private final CampaignSpec spec;
  private final CampaignRules rules;
  private final Cadences cadences;
  /** A cell joins the budget ranking once it has spent this much: a ROAS of nothing is not a ranking. */
  private final long rankMinSpendMicros;
  /** A cell is judged by the monitor from this many impressions on. */
  private final long monitorMinImpressions;
  /** A creative is judged once its window holds this many clicks (0 = the document's rule as is). */
  private final long wearOutMinClicks;
  private List<Integer> lastAudience = List.of();

  CampaignOptimiser(CampaignSpec spec, CampaignRules rules, Cadences cadences, long rankMinSpendMicros,
      long wearOutMinClicks) {
    this.spec = spec;
    this.wearOutMinClicks = wearOutMinClicks;
    this.rules = rules;
    this.cadences = cadences;
    this.rankMinSpendMicros = rankMinSpendMicros;
    // enough impressions that a cell at half the CTR threshold expects two clicks
    this.monitorMinImpressions = (long) Math.ceil(2 / (rules.ctrThreshold() / 2));
  }

  List<StrategyDecision> run(long tick, CellLedger cells, CreativeHours hours, ZipEvidenceBook zips) {
    List<StrategyDecision> out = new ArrayList<>();
    if (Cadences.due(tick, cadences.monitorTicks())) {
      monitor(cells, out);
      lifecycle(cells, out);
    }
    if (Cadences.due(tick, cadences.reallocateTicks())) {
      reallocate(cells, out);
    }
    if (Cadences.due(tick, cadences.rotateTicks())) {
      rotate(tick, cells, hours, out);
    }
    if (Cadences.due(tick, cadences.discoverTicks())) {
      discover(zips, out);
    }
    return out;
  }

  private void monitor(CellLedger cells, List<StrategyDecision> out) {
    List<CellPerformance> judged = new ArrayList<>();
    for (int c : cells.live()) {
      if (cells.impressions[c] >= monitorMinImpressions) {
        judged.add(cells.performance(c));
      }
    }
    List<Integer> flagged = PerformanceMonitor.flagged(judged, rules);
    for (CellPerformance p : judged) {
      boolean now = flagged.contains(p.cell());
      if (now != cells.flagged[p.cell()]) {
        cells.flagged[p.cell()] = now;
        out.add(new StrategyDecision(now ? "flag" : "unflag", p.cell(), String.format(Locale.ROOT,
            "ctr %.5f %s %.5f (half of %.5f) over %d impressions", p.ctr(), now ? "<" : ">=",
            rules.ctrThreshold() / 2, rules.ctrThreshold(), p.impressions())));
      }
    }
  }

  private void lifecycle(CellLedger cells, List<StrategyDecision> out) {
    List<Integer> killed = new ArrayList<>();
    for (int c : cells.live()) {
      CellPerformance p = cells.performance(c);
      Lifecycle.Verdict v = Lifecycle.judge(p, rules);
      if (v == Lifecycle.Verdict.PROMOTE && cells.status[c] == CellLedger.ACTIVE) {
        cells.status[c] = CellLedger.PROMOTED;
        out.add(new StrategyDecision("promote", c, String.format(Locale.ROOT,
            "%d conversions > %d and roas %.3f > %.3f", p.conversions(), rules.promoteConversions(), p.roas(),
            rules.promoteRoas())));
      } else if (v == Lifecycle.Verdict.KILL && cells.status[c] == CellLedger.ACTIVE) {
        cells.status[c] = CellLedger.KILLED;
        killed.add(c);
        out.add(new StrategyDecision("kill", c, String.format(Locale.ROOT,
            "spent %s >= test budget %s with no conversion; its daily budget %s goes to the live cells",
            money(p.spendMicros()), money(rules.minTestBudgetMicros()), money(cells.budget[c]))));
      }
    }
    for (int c : killed) {
      handOver(cells, c);
    }
  }

  /** A killed cell's budget, split evenly over the live cells (remainder to the lowest ids): the total stays. */
  private static void handOver(CellLedger cells, int killed) {
    List<Integer> live = cells.live();
    long freed = cells.budget[killed];
    cells.budget[killed] = 0;
    if (live.isEmpty()) {
      cells.budget[killed] = freed;
      return;
    }
    for (int i = 0; i < live.size(); i++) {
      cells.budget[live.get(i)] += freed / live.size() + (i < freed % live.size() ? 1 : 0);
    }
  }

  private void reallocate(CellLedger cells, List<StrategyDecision> out) {
    List<CellPerformance> ranked = new ArrayList<>();
    for (int c : cells.live()) {
      if (cells.spend[c] >= rankMinSpendMicros) {
        ranked.add(cells.performance(c));
      }
    }
    long[] budgets = ranked.stream().mapToLong(p -> cells.budget[p.cell()]).toArray();
    for (BudgetReallocation.Move m : BudgetReallocation.apply(ranked, budgets, rules)) {
      cells.budget[m.cell()] = m.afterMicros();
      out.add(new StrategyDecision("reallocate", m.cell(), String.format(Locale.ROOT,
          "roas %.3f, %s of %d ranked cells: daily budget %s -> %s", m.roas(),
          m.deltaMicros() < 0 ? "bottom" : "top", ranked.size(), money(m.beforeMicros()), money(m.afterMicros()))));
    }
  }

  private void rotate(long tick, CellLedger cells, CreativeHours hours, List<StrategyDecision> out) {
    int creatives = spec.creatives.size();
    if (creatives < 2) {
      return;
    }
    boolean[] shown = new boolean[creatives];
    for (int c : cells.live()) {
      shown[cells.shownCreative[c]] = true;
    }
    for (int k = 0; k < creatives; k++) {
      double[] ctr = shown[k] ? hours.hourlyCtr(tick, k, wearOutMinClicks) : null;
      if (ctr == null || !CreativeWearOut.wornOut(ctr, rules)) {
        continue;
      }
      int next = (k + 1) % creatives;
      int moved = 0;
      for (int c : cells.live()) {
        if (cells.shownCreative[c] == k) {
          cells.shownCreative[c] = next;
          moved++;
        }
      }
      hours.reset(k);
      out.add(new StrategyDecision("rotate", -1, String.format(Locale.ROOT,
          "creative %s: hourly ctr trend %.3f/h < %.3f over %d h; %d cells now show %s", spec.creatives.get(k),
          CreativeWearOut.relativeSlope(ctr), rules.wearOutSlope(), ctr.length, moved, spec.creatives.get(next))));
    }
  }

  private void discover(ZipEvidenceBook zips, List<StrategyDecision> out) {
    Optional<AudienceDiscovery.Proposal> p =
        AudienceDiscovery.propose(zips.evidence(spec.regionCodes, spec.interestNames), rules);
    if (p.isEmpty() || p.get().zips().equals(lastAudience)) {
      return;
    }
    lastAudience = p.get().zips();
    StringBuilder why = new StringBuilder("new test audience: ZIPs");
    for (int i = 0; i < p.get().zips().size(); i++) {
      why.append(String.format(Locale.ROOT, " %05d (confidence %.3f)", p.get().zips().get(i),
          p.get().confidences().get(i)));
    }
    why.append(" > ").append(rules.discoveryConfidence()).append("; signals ").append(p.get().signals());
    out.add(new StrategyDecision("audience", -1, why.toString()));
  }

  List<Integer> lastAudience() {
    return lastAudience;
  }

  void lastAudience(List<Integer> zips) {
    lastAudience = List.copyOf(zips);
  }

  private static String money(long micros) {
    return String.format(Locale.ROOT, "%.6f", micros / 1e6);
  }
}
