package org.bidarena.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.AuctionType;
import org.junit.jupiter.api.Test;

/** The sparse clearing gives exactly what the dense reference gives, on random markets. */
class SparseClearingPropertyTest {
  private static final SeededStreams.Stream MARKETS =
      SeededStreams.Stream.register("sparse-clearing-property-markets", 0x7E57_1002L);

  @Test
  void sparseClearingShouldEqualTheDenseReferenceOnRandomMarkets() {
    SeededStreams rnd = new SeededStreams(17);
    for (int trial = 0; trial < 300; trial++) {
      // given: a random market, with few distinct prices so that ties are common, and tight limits
      int agents = 1 + SeededStreams.below(rnd.bits(MARKETS, trial, 0), 12);
      int auctions = SeededStreams.below(rnd.bits(MARKETS, trial, 1), 200);
      double density = (1 + SeededStreams.below(rnd.bits(MARKETS, trial, 2), 10)) / 10.0;
      AuctionType type = SeededStreams.below(rnd.bits(MARKETS, trial, 3), 2) == 0
          ? AuctionType.SECOND_PRICE : AuctionType.FIRST_PRICE;
      AuctionSpec spec = new AuctionSpec(type, 200_000 * SeededStreams.below(rnd.bits(MARKETS, trial, 4), 3),
          100_000, 2_500_000);
      long[][] bids = new long[agents][auctions];
      long[] limits = new long[agents];
      for (int a = 0; a < agents; a++) {
        limits[a] = SeededStreams.below(rnd.bits(MARKETS, trial, 5, a), 4) == 0
            ? Long.MAX_VALUE : 300_000L * SeededStreams.below(rnd.bits(MARKETS, trial, 6, a), 100);
        for (int i = 0; i < auctions; i++) {
          if (rnd.uniform(MARKETS, trial, 7, a * 1000 + i) < density) {
            bids[a][i] = 50_000L + 100_000L * SeededStreams.below(rnd.bits(MARKETS, trial, 8, a * 1000 + i), 30);
          }
        }
      }
      SeededStreams streams = new SeededStreams(trial);

      // when
      ClearedAuctions sparse = DenseBids.clear(new AuctionClearing(spec, streams), trial, trial % 4, auctions, bids,
          limits);
      DenseReferenceClearing.Result dense = DenseReferenceClearing.clear(spec, streams, trial, trial % 4, bids, limits);

      // then
      assertThat(sparse.winners()).as("trial %d winners", trial).containsExactly(dense.winners());
      assertThat(sparse.pricesMicros()).as("trial %d prices", trial).containsExactly(dense.prices());
      assertThat(DenseBids.accepted(sparse)).as("trial %d accepted bids", trial).isDeepEqualTo(dense.accepted());
      assertThat(sparse.spendsMicros()).as("trial %d spends", trial).containsExactly(dense.spends());
    }
  }
}
