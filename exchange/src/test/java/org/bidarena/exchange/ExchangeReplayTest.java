package org.bidarena.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.ExchangeProtocol.EpisodeCleared;
import org.bidarena.core.protocol.ExchangeProtocol.ReplayEpisode;
import org.bidarena.core.replay.LoggedAuctions;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.testing.TickActorTest;
import org.junit.jupiter.api.Test;

/** The Exchange actor's log-replay path, on Pekko's persistence test kit. */
class ExchangeReplayTest extends TickActorTest {
  private static final Scenario REPLAY = new Scenario("replay", 1, 1, 2, null, 1, 1,
      new AuctionSpec(AuctionType.SECOND_PRICE, 0, 0, 3000), 0, List.of(), 0);

  ExchangeReplayTest() {
    super(REPLAY);
  }

  @Test
  void replayedEpisodesShouldBeJournaledAsAuctionsClearedAndAnswered() {
    // given
    TestProbe<DriverProtocol.Command> driver = peers.driverProbe();
    TestProbe<EpisodeCleared> replies = testKit.createTestProbe();
    ActorRef<ExchangeProtocol.Command> exchange = spawn(Exchange.create(REPLAY, 0, RestorePoint.START, peers));
    LoggedAuctions episode = new LoggedAuctions(1000, new int[] {10, 30}, new byte[] {1, 1}, new double[2]);
    // when: a constant bid of 20 with a budget of 25: wins the first at 10, then bids 15 < 30
    exchange.tell(new ReplayEpisode(0, "const@1/32", episode, (e, i, t, b) -> 20, 25, 300, 10, replies.ref()));
    // then
    replies.expectMessage(new EpisodeCleared(0, 0, 2, 1, 1, 10));
    AuctionsCleared event = journal.expectNextPersistedClass("Exchange|0", AuctionsCleared.class);
    assertThat(event.agents()).containsExactly("const@1/32", "market");
    assertThat(event.customers()).containsExactly(1000, 1001);
    assertThat(DenseBids.column(event, 0)).containsExactly(200, 150);
    assertThat(DenseBids.column(event, 1)).containsExactly(100, 300);
    assertThat(event.winners()).containsExactly(0, 1);
    assertThat(event.pricesMicros()).containsExactly(100, 300);
    assertThat(event.loggedClicks()).containsExactly(1, 1);

    // when an episode comes out of order, the exchange reports it instead of journaling it
    exchange.tell(new ReplayEpisode(5, "const@1/32", episode, (e, i, t, b) -> 20, 25, 300, 10, replies.ref()));
    // then
    DriverProtocol.TickFailed failed = driver.expectMessageClass(DriverProtocol.TickFailed.class);
    assertThat(failed.reason()).contains("episode 5");
    // and the next episode in order is still taken: the bad one neither moved the tick nor was journaled
    exchange.tell(new ReplayEpisode(1, "const@1/32", episode, (e, i, t, b) -> 20, 25, 300, 10, replies.ref()));
    replies.expectMessage(new EpisodeCleared(1, 0, 2, 1, 1, 10));
    assertThat(journal.persistedInStorage("Exchange|0")).hasSize(2)
        .allSatisfy(e -> assertThat(((AuctionsCleared) e).tick()).isLessThanOrEqualTo(1));
  }
}
