package org.bidarena.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/** The impression observer (for scoring click models against the truth) sees every impression and changes nothing. */
class ImpressionObserverTest {
  private static Scenario scenario() {
    return ScenarioLoader.loadDefault(List.of("customers.count=2000", "customers.shards=1", "exchange.partitions=1"),
        3L, TestCatalog.installedOrStandIn());
  }

  private record Seen(long tick, long auction, int agent, double p, boolean clicked) {}

  @Test
  void observedMarketShouldDrawExactlyWhatAnUnobservedOneDrawsAndReportEveryImpression() {
    // given two identical markets, one observed
    SyntheticMarket plain = new SyntheticMarket(scenario(), 0.9);
    SyntheticMarket observed = new SyntheticMarket(scenario(), 0.9);
    List<Seen> seen = new ArrayList<>();
    observed.model.observe((tick, visit, auction, customer, agent, p, clicked) ->
        seen.add(new Seen(tick, auction, agent, p, clicked)));
    // when both run two days
    long impressions = 0;
    List<Long> clickedAuctions = new ArrayList<>();
    for (int t = 0; t < 2 * plain.scenario.ticksPerDay(); t++) {
      ShardOutcomes a = plain.step();
      ShardOutcomes b = observed.step();
      // then every tick's outcomes are the same, column for column
      assertThat(b.customers()).containsExactly(a.customers());
      assertThat(b.kinds()).containsExactly(a.kinds());
      assertThat(b.auctionIds()).containsExactly(a.auctionIds());
      assertThat(b.revenueMicros()).containsExactly(a.revenueMicros());
      assertThat(b.stageCounts()).containsExactly(a.stageCounts());
      impressions += b.impressions();
      for (int r = 0; r < b.rows(); r++) {
        if ((b.kinds()[r] & ShardOutcomes.CLICK) != 0) {
          clickedAuctions.add(b.auctionIds()[r]);
        }
      }
    }
    // and the observer heard each impression once, with a probability, and exactly the drawn clicks
    assertThat(impressions).isPositive();
    assertThat(seen).hasSize((int) impressions);
    assertThat(seen).allSatisfy(s -> assertThat(s.p()).isGreaterThan(0).isLessThanOrEqualTo(1));
    assertThat(seen.stream().filter(Seen::clicked).map(Seen::auction).toList())
        .containsExactlyElementsOf(clickedAuctions);
    assertThat(clickedAuctions).isNotEmpty();
    // and the buckets end equal
    assertThat(Arrays.equals(observed.bucket.stage, plain.bucket.stage)).isTrue();
  }
}
