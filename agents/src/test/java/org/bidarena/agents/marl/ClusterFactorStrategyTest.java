package org.bidarena.agents.marl;

import static org.assertj.core.api.Assertions.assertThat;

import org.bidarena.agents.BidContext;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.VisitBatch;
import org.junit.jupiter.api.Test;

class ClusterFactorStrategyTest {
  @Test
  void bidShouldBeBaseTimesVariationTimesTheFactorOfTheRowsCustomerCluster() {
    // given rows of an awareness customer on mobile and a consideration customer on desktop
    AuctionBatch rows = new AuctionBatch(new int[] {7, 8},
        new byte[] {(byte) Stage.AWARENESS.ordinal(), (byte) Stage.CONSIDERATION.ordinal()},
        new short[2], new byte[] {0, 1}, new int[2], new byte[2]);
    // and a cluster-1 advertiser with variation 1.2 whose factors are 0.5 for cold-mobile, 2.0 for hot-other
    FactorSource source = (cluster, tick, cc) -> cluster != 1 ? 99 : cc == 0 ? 0.5 : cc == 3 ? 2.0 : 1.0;
    ClusterFactorStrategy s = new ClusterFactorStrategy(1, 1.2, 2000, source);
    // when it prices each row, then each bid is 2000 x 1.2 x its cluster's factor
    assertThat(s.bid(BidContext.of(5, 0, rows, 0, 0, VisitBatch.NEVER, VisitBatch.NEVER, 1, 1, 1))).isEqualTo(1200);
    assertThat(s.bid(BidContext.of(5, 0, rows, 1, 0, VisitBatch.NEVER, VisitBatch.NEVER, 1, 1, 1))).isEqualTo(4800);
    // and its bid depends on the row, so the planner asks row by row
    assertThat(s.uniformBid(5, 0)).isEqualTo(-1);
  }
}
