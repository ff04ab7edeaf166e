package org.bidarena.agents.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bidarena.agents.BidContext;
import org.bidarena.agents.Strategies;
import org.bidarena.core.external.ExternalAnswers;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Pacing;
import org.bidarena.core.scenario.Setting;
import org.bidarena.core.scenario.StrategySettings;
import org.junit.jupiter.api.Test;

class ExternalStrategyTest {
  @Test
  void theCatalogShouldOfferOpenrtbWithAnEndpointATmaxAConcurrencyAndARealTimeFlag() {
    // when
    List<Setting> settings = Strategies.entry("openrtb").settings();

    // then
    assertThat(settings).extracting(Setting::key).containsExactly("endpoint", "tmax", "concurrency", "real-time");
    assertThat(settings.get(0).type()).isEqualTo(Setting.Type.TEXT);
    assertThat(settings.get(1).defaultValue()).isEqualTo(100L);
  }

  @Test
  void checkShouldRefuseAnEndpointThatIsNotAnHttpUrl() {
    for (String bad : List.of("ftp://127.0.0.1/bid", "127.0.0.1:9001", "http:///bid", "http://[bad")) {
      assertThatThrownBy(() -> new ExternalStrategy.Entry().check(agent(bad), null))
          .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed: http://HOST:PORT/PATH");
    }
    new ExternalStrategy.Entry().check(agent("http://127.0.0.1:9001/bid"), null);
  }

  @Test
  void bidShouldBeTheJournaledAnswerOfTheRowAndNothingForARowNotAskedOrDeclined() {
    // given answers about rows 1 and 3: a bid of 2,750 micros on row 3, a timeout on row 1
    ExternalStrategy strategy = new ExternalStrategy();
    strategy.use(new ExternalAnswers(5, 0, new int[] {1, 3}, new long[] {0, 2_750}, new String[] {"timeout", ""}));
    AuctionBatch auctions = new AuctionBatch(new int[] {10, 11, 12, 13}, new byte[4], new short[4], new byte[4],
        new int[4], new byte[4]);

    // then
    assertThat(strategy.bid(BidContext.of(5, 0, auctions, 3, 0, -1, -1, 1_000_000, 10, 10))).isEqualTo(2_750);
    assertThat(strategy.bid(BidContext.of(5, 0, auctions, 1, 0, -1, -1, 1_000_000, 10, 10))).isZero();
    assertThat(strategy.bid(BidContext.of(5, 0, auctions, 2, 0, -1, -1, 1_000_000, 10, 10))).isZero();
  }

  private static AgentSpec agent(String endpoint) {
    return new AgentSpec("node", "openrtb", 1_000_000_000L, Pacing.EVEN, 3, 1.0, 63,
        new StrategySettings(List.of(StrategySettings.Value.ofText("endpoint", endpoint))));
  }
}
