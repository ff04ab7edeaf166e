package org.bidarena.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bidarena.core.replay.LoggedAuctions;
import org.bidarena.core.replay.SequentialPolicy;
import org.bidarena.core.scenario.AuctionType;
import org.junit.jupiter.api.Test;

class LogReplayClearingTest {
  private static LoggedAuctions log(int[] prices, int... clicks) {
    byte[] c = new byte[prices.length];
    for (int i = 0; i < clicks.length; i++) {
      c[i] = (byte) clicks[i];
    }
    return new LoggedAuctions(100, prices, c, new double[prices.length]);
  }

  @Test
  void clearShouldLetTheAgentWinTiesAndPayTheMarketPrice() {
    // given bids 50 on prices 49, 50, 51
    LoggedAuctions auctions = log(new int[] {49, 50, 51}, 1, 1, 1);
    // when
    LogReplayClearing.ClearedEpisode e = LogReplayClearing.clear(auctions, (ep, i, t, b) -> 50, 1000, 300);
    // then
    assertThat(e.winners()).containsExactly(LogReplayClearing.AGENT, LogReplayClearing.AGENT, LogReplayClearing.MARKET);
    assertThat(e.impressions()).isEqualTo(2);
    assertThat(e.clicks()).isEqualTo(2);
    assertThat(e.cost()).isEqualTo(99);
    assertThat(e.budgetLeft()).isEqualTo(901);
  }

  @Test
  void clearShouldCapBidsAtTheBudgetLeftAndShowThePolicyWhatIsLeft() {
    // given a budget of 60 and a policy that always asks for 300, but records what it was shown
    LoggedAuctions auctions = log(new int[] {40, 30, 15, 5}, 0, 1, 1, 0);
    long[] seenBudget = new long[4];
    int[] seenLeft = new int[4];
    SequentialPolicy greedy = (ep, i, t, b) -> {
      seenBudget[i] = b;
      seenLeft[i] = t;
      return 1000;
    };
    // when
    LogReplayClearing.ClearedEpisode e = LogReplayClearing.clear(auctions, greedy, 60, 300);
    // then: 40 won (20 left), 30 lost with a bid of 20, 15 won (5 left), 5 won with the last 5
    assertThat(e.bids()).containsExactly(60, 20, 20, 5);
    assertThat(e.winners()).containsExactly(0, 1, 0, 0);
    assertThat(seenBudget).containsExactly(60, 20, 20, 5);
    assertThat(seenLeft).containsExactly(4, 3, 2, 1);
    assertThat(e.cost()).isEqualTo(60);
    assertThat(e.clicks()).isEqualTo(1);
  }

  @Test
  void clearShouldWinAZeroPriceAuctionWithAZeroBidAndNeverBidBelowZero() {
    LogReplayClearing.ClearedEpisode e = LogReplayClearing.clear(log(new int[] {0, 1}, 1, 1), (ep, i, t, b) -> -5, 10, 300);
    assertThat(e.winners()).containsExactly(0, 1);
    assertThat(e.bids()).containsExactly(0, 0);
    assertThat(e.clicks()).isEqualTo(1);
  }

  @Test
  void replayedEventShouldRoundTripWithItsLoggedClicksAndSimulatedOnesShouldNotChange() throws Exception {
    // given
    AuctionsCleared replayed = DenseBids.event(3, 7, AuctionType.SECOND_PRICE, 0, List.of("lin@1/32", "market"),
        new int[] {3000, 3001}, new byte[2], new long[][] {{500, 0}, {490, 700}}, new int[] {0, 1},
        new long[] {490, 700}, new byte[] {1, 0});
    AuctionsCleared simulated = DenseBids.event(3, 1, AuctionType.SECOND_PRICE, 500, List.of("a"),
        new int[] {9}, new byte[] {2}, new long[][] {{800}}, new int[] {0}, new long[] {500}, new byte[0]);
    ExchangeSerializer serializer = new ExchangeSerializer();
    // when
    AuctionsCleared back = (AuctionsCleared) serializer.fromBinary(serializer.toBinary(replayed), ExchangeSerializer.CLEARED);
    // then
    assertThat(back.replayed()).isTrue();
    assertThat(back.loggedClicks()).containsExactly(1, 0);
    assertThat(DenseBids.column(back, 1)).containsExactly(490, 700);
    assertThat(ExchangeSerializer.toProto(simulated).hasField(
        org.bidarena.protos.AuctionsClearedProto.getDescriptor().findFieldByName("logged_clicks"))).isFalse();
    assertThat(((AuctionsCleared) serializer.fromBinary(serializer.toBinary(simulated), ExchangeSerializer.CLEARED))
        .replayed()).isFalse();
  }
}
