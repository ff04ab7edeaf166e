package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.VisitBatch;
import org.junit.jupiter.api.Test;

class RetargetingStrategyTest {
  private static final long BASE = 1_000_000;
  private static final long WINDOW = 96 * 7;
  private static final AuctionBatch ONE_ROW =
      new AuctionBatch(new int[] {5}, new byte[] {2}, new short[1], new byte[1], new int[1], new byte[1]);

  private static BidContext clickedAt(long tick, int lastClickTick) {
    return BidContext.of(tick, 0, ONE_ROW, 0, 1, VisitBatch.NEVER, lastClickTick, BASE, 1, 1);
  }

  @Test
  void shouldBidItsMultiplierOnlyOnCustomersWhoClickedItsOwnAdsWithinTheWindow() {
    // given
    RetargetingStrategy s = new RetargetingStrategy(BASE, 1.5, 0.5, WINDOW);
    long now = 1_000;

    // then: clicked its ad within the window
    assertThat(s.bid(clickedAt(now, (int) (now - WINDOW + 1)))).isEqualTo(1_500_000);
    // the click is a window ago: an ordinary customer again
    assertThat(s.bid(clickedAt(now, (int) (now - WINDOW)))).isEqualTo(500_000);
    // never clicked its ads (whatever it did with other agents' ads, the bidder cannot know)
    assertThat(s.bid(clickedAt(now, VisitBatch.NEVER))).isEqualTo(500_000);
    assertThat(s.uniformBid(now, 0)).as("the bid depends on the row").isEqualTo(-1);
  }

  @Test
  void othersMultiplierZeroShouldMeanNoBidOnOtherCustomers() {
    // given
    RetargetingStrategy s = new RetargetingStrategy(BASE, 1.5, 0, WINDOW);

    // then
    assertThat(s.bid(clickedAt(10, VisitBatch.NEVER))).isZero();
    assertThat(s.bid(clickedAt(10, 9))).isEqualTo(1_500_000);
  }
}
