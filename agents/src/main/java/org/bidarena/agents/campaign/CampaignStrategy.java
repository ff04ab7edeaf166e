package org.bidarena.agents.campaign;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.agents.BidContext;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.StrategyDecision;
import org.bidarena.agents.TickSettlement;
import org.bidarena.core.protocol.BidderProtocol.Outcomes;
import org.bidarena.core.protocol.BidderProtocol.WinNotice;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.Scenario;

/**
 * A campaign of test cells as one bidding agent: each cell is a line item with its own daily budget,
 * targeting (audience, daypart, platform), creative and bid strategy.
 *
 * <p>For a row, the cells that match it (audience by ZIP and signals, daypart by the tick of the day, platform
 * by the partition) and still have budget today are the candidates; one is drawn by a seeded hash of the
 * customer, weighted by the cells' daily budgets, so a cell's share of the traffic follows its budget and a
 * customer keeps meeting the same cell while budgets stay put. The chosen cell bids its factor times the
 * base bid and shows its creative. Budgets are read at the start of the tick only (the bids of a tick must
 * not depend on the order partitions ask in), so a cell may overspend its day by what it wins in one tick;
 * the agent's own pacing still caps the campaign.
 *
 * <p>Win notices and outcomes are credited to cells through {@link AuctionAttribution}; at the end of the tick
 * the {@link CampaignOptimiser} runs its agents (when {@code optimise} is on) and its decisions are journaled.
 */
public final class CampaignStrategy implements BiddingStrategy {
  /** The cell draws, by (agent, customer); the salt is part of the model. */
  static final SeededStreams.Stream CELL = SeededStreams.Stream.register("campaign-cell", 0x5015);

  private final CampaignSpec spec;
  private final long baseBidMicros;
  private final int ticksPerDay;
  private final CampaignOptimiser optimiser;
  private final long drawKey;
  private final CellLedger cells;
  private final AuctionAttribution attribution;
  private final CreativeHours hours;
  private final ZipEvidenceBook zips;
  private List<StrategyDecision> decisions = List.of();
  private final int[] candidates;
  private int chosen = -1;

  /** @param optimiser the agents, or null for a static even split */
  CampaignStrategy(CampaignSpec spec, Scenario scenario, long campaignBudgetMicros, CampaignOptimiser optimiser,
      int windowHours, long drawKey) {
    this.spec = spec;
    this.baseBidMicros = scenario.baseBidMicros();
    this.ticksPerDay = scenario.ticksPerDay();
    this.optimiser = optimiser;
    this.drawKey = drawKey;
    this.cells = new CellLedger(spec, campaignBudgetMicros);
    this.attribution = new AuctionAttribution(scenario.partitions(),
        (long) scenario.customers().attributionWindowDays() * scenario.ticksPerDay());
    this.hours = new CreativeHours(spec.creatives.size(), scenario.ticksPerDay(), windowHours);
    this.zips = new ZipEvidenceBook(spec.regionCodes.size(), spec.interestNames.size());
    this.candidates = new int[spec.grid.size()];
  }

  /** The cell that bids on the context's row, or -1. */
  int cellFor(BidContext c) {
    int daypart = spec.daypartOfTick[(int) (c.tick() % ticksPerDay)];
    if (daypart < 0) {
      return -1;
    }
    int platform = c.partition() % spec.platforms.size();
    int n = 0;
    long total = 0;
    for (int a = 0; a < spec.audiences.size(); a++) {
      if (!spec.audiences.get(a).matches(c.region(), c.interests())) {
        continue;
      }
      for (int cr = 0; cr < spec.creatives.size(); cr++) {
        for (int b = 0; b < spec.bidFactors.length; b++) {
          int cell = spec.cellId(a, cr, b, daypart, platform);
          if (cells.canBid(cell)) {
            candidates[n++] = cell;
            total += cells.budget[cell];
          }
        }
      }
    }
    if (n == 0 || total == 0) {
      return -1;
    }
    long at = (long) (SeededStreams.unit(SeededStreams.next(drawKey, c.customer())) * total);
    for (int i = 0; i < n; i++) {
      at -= cells.budget[candidates[i]];
      if (at < 0) {
        return candidates[i];
      }
    }
    return candidates[n - 1];
  }

  @Override
  public long bid(BidContext context) {
    chosen = cellFor(context);
    if (chosen < 0) {
      return 0;
    }
    attribution.bid(context.tick(), context.partition(), context.row(), chosen, context.region(),
        context.interests());
    return Math.round(baseBidMicros * spec.bidFactors[spec.part(chosen, 2)]);
  }

  @Override
  public int creative(BidContext context) {
    return chosen < 0 ? -1 : cells.shownCreative[chosen];
  }

  @Override
  public void onAuctions(long tick, List<WinNotice> wins, List<Outcomes> outcomes) {
    for (WinNotice w : wins) {
      for (int i = 0; i < w.auctionIds().length; i++) {
        int cell = attribution.cellOf(tick, w.auctionIds()[i]);
        if (cell >= 0) {
          cells.impressions[cell]++;
          cells.spend[cell] += w.pricesMicros()[i];
          cells.spentToday[cell] += w.pricesMicros()[i];
          hours.impression(tick, w.creatives()[i]);
        }
      }
    }
    for (Outcomes o : outcomes) {
      for (int i = 0; i < o.auctionIds().length; i++) {
        byte kind = o.kinds()[i];
        if ((kind & Outcomes.CLICK) != 0) {
          AuctionAttribution.Clicked c = attribution.click(tick, o.auctionIds()[i]);
          if (c != null) {
            cells.clicks[c.cell()]++;
            hours.click(tick, cells.shownCreative[c.cell()]);
            zips.click(c.region());
          }
        }
        if ((kind & Outcomes.PURCHASE) != 0) {
          AuctionAttribution.Clicked c = attribution.purchase(o.auctionIds()[i]);
          if (c != null) {
            cells.conversions[c.cell()]++;
            cells.revenue[c.cell()] += o.valueMicros()[i];
            zips.conversion(c.region(), c.interests());
          }
        }
      }
    }
  }

  @Override
  public void onTickSettled(TickSettlement s) {
    long tick = s.tick();
    attribution.forgetBefore(tick);
    decisions = optimiser == null ? List.of() : optimiser.run(tick, cells, hours, zips);
    if ((tick + 1) % ticksPerDay == 0) {
      cells.newDay();
    }
  }

  @Override
  public List<StrategyDecision> takeDecisions() {
    List<StrategyDecision> out = decisions;
    decisions = List.of();
    return out;
  }

  @Override
  public double[] state() {
    StateBuffer out = StateBuffer.writer();
    cells.write(out);
    attribution.write(out);
    hours.write(out);
    zips.write(out);
    List<Integer> audience = optimiser == null ? List.of() : optimiser.lastAudience();
    out.value(audience.size());
    audience.forEach(out::value);
    return out.toArray();
  }

  @Override
  public void restore(double[] state) {
    StateBuffer in = StateBuffer.reader(state);
    cells.read(in);
    attribution.read(in);
    hours.read(in);
    zips.read(in);
    int n = (int) in.value(0);
    List<Integer> audience = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      audience.add((int) in.value(0));
    }
    in.requireEnd();
    if (optimiser != null) {
      optimiser.lastAudience(audience);
    }
  }

  /** The cells' ledger, for tests and reports. */
  CellLedger cells() {
    return cells;
  }

  public CampaignSpec spec() {
    return spec;
  }
}
