package org.bidarena.agents.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.bidarena.agents.BidContext;
import org.bidarena.agents.Strategies;
import org.bidarena.agents.TickSettlement;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.BidderProtocol.Outcomes;
import org.bidarena.core.protocol.BidderProtocol.WinNotice;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioException;
import org.bidarena.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class CampaignStrategyTest {
  static final Path FILE = Path.of("..", "scenarios", "campaign.conf");
  static final Scenario SCENARIO = ScenarioLoader.load(FILE, List.of(), null);
  // default regions, sorted: 02139 10001 19103 30309 33101 60614 73301 80202 94103 98101
  static final short ZIP_10001 = 1;
  static final short ZIP_60614 = 5;
  static final short ZIP_33101 = 4;
  // default interests, sorted: experiences premium retail schools sustainability transit
  static final int TRANSIT = 1 << 5;
  static final int RETAIL = 1 << 2;
  static final int MORNING_TICK = 30;

  static CampaignStrategy strategy(Scenario scenario) {
    int index = scenario.agentIndex("campaign");
    return (CampaignStrategy) Strategies.create(scenario.agents().get(index), index, scenario,
        new SeededStreams(scenario.seed()));
  }

  static BidContext row(long tick, int partition, int customer, short region, int interests) {
    AuctionBatch batch = new AuctionBatch(new int[] {customer}, new byte[] {0}, new short[] {region},
        new byte[] {0}, new int[] {interests}, new byte[] {0});
    return BidContext.of(tick, partition, batch, 0, 0, VisitBatch.NEVER, VisitBatch.NEVER, 0, 1, 1);
  }

  @Test
  void theDocumentsExampleHas432Cells() {
    CampaignGrid grid = strategy(SCENARIO).spec().grid();
    assertThat(grid.size()).isEqualTo(3 * 3 * 3 * 4 * 4).isEqualTo(432);
    assertThat(grid.cells().get(0).key()).isEqualTo("eco_urban_renters|spring-a|aggressive|morning|hulu");
    assertThat(grid.cells().get(431).key()).isEqualTo("sunbelt_shoppers|spring-c|efficient|late_night|paramount+");
  }

  @Test
  void aRowIsBidOnByACellOfItsAudienceDaypartAndPlatformOnly() {
    CampaignStrategy s = strategy(SCENARIO);
    CampaignSpec spec = s.spec();
    for (int customer = 0; customer < 200; customer++) {
      BidContext eco = row(MORNING_TICK, 2, customer, ZIP_10001, TRANSIT);
      long bid = s.bid(eco);
      int cell = s.cellFor(eco);
      assertThat(spec.part(cell, 0)).isZero(); // eco_urban_renters
      assertThat(spec.part(cell, 3)).isZero(); // morning
      assertThat(spec.part(cell, 4)).isEqualTo(2); // peacock = partition 2 mod 4
      assertThat(bid).isEqualTo(Math.round(SCENARIO.baseBidMicros() * spec.bidFactors[spec.part(cell, 2)]));
      assertThat(s.creative(eco)).isEqualTo(spec.part(cell, 1));
    }
    // the ZIP alone is not the audience: it needs one of the signals too; and 60614 is in no audience
    assertThat(s.bid(row(MORNING_TICK, 2, 7, ZIP_10001, RETAIL))).isZero();
    assertThat(s.bid(row(MORNING_TICK, 2, 7, ZIP_60614, TRANSIT | RETAIL))).isZero();
    int sunbelt = s.cellFor(row(MORNING_TICK, 1, 7, ZIP_33101, RETAIL));
    assertThat(spec.part(sunbelt, 0)).isEqualTo(2);
    assertThat(spec.part(sunbelt, 4)).isEqualTo(1);
    // tick 30 + 48 of the same day is 19:30, prime time
    assertThat(spec.part(s.cellFor(row(MORNING_TICK + 48, 1, 7, ZIP_33101, RETAIL)), 3)).isEqualTo(2);
  }

  @Test
  void cellsSplitTheRowsAndTheBudgetEvenlyAtTheStart() {
    CampaignStrategy s = strategy(SCENARIO);
    long total = SCENARIO.agents().get(SCENARIO.agentIndex("campaign")).dailyBudgetMicros();
    assertThat(s.cells().totalBudget()).isEqualTo(total);
    assertThat(s.cells().budget[0]).isEqualTo(total / 432 + 1);
    int[] seen = new int[432];
    for (int customer = 0; customer < 9000; customer++) {
      seen[s.cellFor(row(MORNING_TICK, 0, customer, ZIP_10001, TRANSIT))]++;
    }
    // 9 cells (3 creatives x 3 bid strategies) share the slot, about 1,000 customers each
    int cells = 0;
    for (int n : seen) {
      if (n > 0) {
        cells++;
        assertThat(n).isBetween(850, 1150);
      }
    }
    assertThat(cells).isEqualTo(9);
  }

  @Test
  void winsClicksAndLaterPurchasesAreCreditedToTheCellThatBid() {
    CampaignStrategy s = strategy(SCENARIO);
    BidContext eco = row(MORNING_TICK, 3, 42, ZIP_10001, TRANSIT);
    s.bid(eco);
    int cell = s.cellFor(eco);
    long auction = AuctionId.of(MORNING_TICK, 3, 0);
    s.onAuctions(MORNING_TICK, List.of(new WinNotice(MORNING_TICK, 3, 1, 2600, new long[] {auction},
        new long[] {1500}, new int[] {s.creative(eco)})),
        List.of(new Outcomes(MORNING_TICK, 0, new long[] {auction}, new byte[] {Outcomes.CLICK}, new long[] {0})));
    s.onTickSettled(settled(MORNING_TICK));
    // a purchase two ticks later names the clicked auction
    s.onAuctions(MORNING_TICK + 2, List.of(), List.of(new Outcomes(MORNING_TICK + 2, 5, new long[] {auction},
        new byte[] {Outcomes.PURCHASE}, new long[] {45_000_000})));
    CellLedger cells = s.cells();
    assertThat(cells.impressions[cell]).isEqualTo(1);
    assertThat(cells.spend[cell]).isEqualTo(1500);
    assertThat(cells.spentToday[cell]).isEqualTo(1500);
    assertThat(cells.clicks[cell]).isEqualTo(1);
    assertThat(cells.conversions[cell]).isEqualTo(1);
    assertThat(cells.revenue[cell]).isEqualTo(45_000_000);
    long credited = java.util.Arrays.stream(cells.impressions).sum();
    assertThat(credited).isEqualTo(1);
  }

  @Test
  void aCellOutOfBudgetStopsBiddingUntilTheNextDay() {
    CampaignStrategy s = strategy(SCENARIO);
    BidContext eco = row(MORNING_TICK, 0, 42, ZIP_10001, TRANSIT);
    int cell = s.cellFor(eco);
    s.cells().spentToday[cell] = s.cells().budget[cell] - 1;
    assertThat(s.cellFor(eco)).isEqualTo(cell);
    s.cells().spentToday[cell] = s.cells().budget[cell];
    assertThat(s.cellFor(eco)).isNotEqualTo(cell).isNotNegative();
    s.onTickSettled(settled(SCENARIO.ticksPerDay() - 1));
    assertThat(s.cellFor(eco)).isEqualTo(cell);
  }

  @Test
  void aRestoredStrategyHasTheSameStateAndBidsTheSame() {
    CampaignStrategy a = strategy(SCENARIO);
    BidContext eco = row(MORNING_TICK, 1, 42, ZIP_10001, TRANSIT);
    a.bid(eco);
    long auction = AuctionId.of(MORNING_TICK, 1, 0);
    a.onAuctions(MORNING_TICK, List.of(new WinNotice(MORNING_TICK, 1, 1, 2000, new long[] {auction},
        new long[] {900}, new int[] {0})),
        List.of(new Outcomes(MORNING_TICK, 0, new long[] {auction}, new byte[] {Outcomes.CLICK}, new long[] {0})));
    int cell = a.cellFor(eco);
    a.cells().budget[cell] += 5;
    a.cells().budget[cell + 1] -= 5;
    a.onTickSettled(settled(MORNING_TICK));
    CampaignStrategy b = strategy(SCENARIO);
    b.restore(a.state());
    assertThat(b.state()).containsExactly(a.state());
    // the remembered click still attributes a later purchase in the restored strategy
    Outcomes purchase = new Outcomes(MORNING_TICK + 1, 0, new long[] {auction}, new byte[] {Outcomes.PURCHASE},
        new long[] {10_000_000});
    a.onAuctions(MORNING_TICK + 1, List.of(), List.of(purchase));
    b.onAuctions(MORNING_TICK + 1, List.of(), List.of(purchase));
    assertThat(b.cells().revenue[cell]).isEqualTo(10_000_000);
    assertThat(b.state()).containsExactly(a.state());
    for (int customer = 0; customer < 100; customer++) {
      BidContext r = row(MORNING_TICK + 1, 0, customer, ZIP_10001, TRANSIT);
      assertThat(b.cellFor(r)).isEqualTo(a.cellFor(r));
    }
    assertThatThrownBy(() -> b.restore(new double[3])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badDimensionsAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> ScenarioLoader.load(FILE,
        List.of("agents.campaign.audiences=\"x=99999/transit\""), null))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("agents.campaign.audiences").hasMessageContaining("ZIP 99999");
    assertThatThrownBy(() -> ScenarioLoader.load(FILE,
        List.of("agents.campaign.dayparts=\"a=6-12; b=11-14\""), null))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("overlaps");
    assertThatThrownBy(() -> ScenarioLoader.load(FILE, List.of("exchange.partitions=2"), null))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("agents.campaign.platforms");
    assertThatThrownBy(() -> ScenarioLoader.load(FILE,
        List.of("agents.campaign.bid-strategies=\"fast=0\""), null))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("[0.01, 100]");
  }

  static TickSettlement settled(long tick) {
    return new TickSettlement(tick, 0, 0, 0, 0, 0, 0, 0);
  }
}
