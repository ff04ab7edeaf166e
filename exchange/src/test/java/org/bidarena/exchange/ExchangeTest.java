package org.bidarena.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.bidarena.core.journal.JournaledAhead;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.testing.ProbePeers;
import org.bidarena.core.testing.TickActorTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch protocol of exchange partition 0, which serves shards 0 and 2 of 4, with probes for the shards,
 * the two bidders and the Driver.
 */
class ExchangeTest extends TickActorTest {
  /** Second price, reserve 500, bids accepted in [100, 20000] micros; checkpoint after ticks 1 and 3. */
  private static final Scenario SCENARIO = ProbePeers.smallMarket(1, "a{strategy=fixed},b{strategy=aggressive}");

  private static final int PARTITION = 0;
  private static final Participant SELF = new Participant(Participant.Kind.EXCHANGE, PARTITION);
  private static final String PID = PersistenceId.of(EntityKeys.EXCHANGE.name(), Integer.toString(PARTITION)).id();
  private static final long NO_LIMIT = 1_000_000_000L;

  /** Shard 0's visitors (ids 0..9) and shard 2's (ids 20..29). */
  private static final VisitBatch SHARD_0 = batch(1, 4, 7);
  private static final VisitBatch SHARD_2 = batch(21, 25);

  /**
   * Per auction 1, 4, 7, 21, 25: agent a bids 3000, -, 800, 2000, 50 (below the floor); agent b bids 2000,
   * 1500, -, 2500, -.
   */
  private static final long[] BIDS_A = {3000, 0, 800, 2000, 50};
  private static final long[] BIDS_B = {2000, 1500, 0, 2500, 0};

  ExchangeTest() {
    super(SCENARIO);
  }

  @BeforeAll
  static void scenarioIsAsAssumed() {
    assertThat(SCENARIO.shardsOf(PARTITION)).containsExactly(0, 2);
    assertThat(SCENARIO.auction().reserveMicros()).isEqualTo(500);
    assertThat(SCENARIO.auction().minBidMicros()).isEqualTo(100);
    assertThat(SCENARIO.auction().maxBidMicros()).isEqualTo(20_000);
    assertThat(SCENARIO.agents().get(0).id()).isEqualTo("a");
  }

  /** Visits with stages 0, 1, ...; the first customer has seen agent b's ads 3 times today and clicked one. */
  private static VisitBatch batch(int... customers) {
    VisitBatch.Builder out = new VisitBatch.Builder(customers.length);
    for (int i = 0; i < customers.length; i++) {
      out.visit(customers[i], (byte) (i % 6));
      if (i == 0) {
        out.memory(1, (byte) 3, VisitBatch.NEVER, -7);
      }
    }
    return out.build();
  }

  /** Bids, impressions and spend of a win notice. */
  private static long[] totals(BidderProtocol.WinNotice n) {
    return new long[] {n.bids(), n.bidSumMicros(), n.impressions(), n.spendMicros()};
  }

  private ActorRef<ExchangeProtocol.Command> spawn(RestorePoint restorePoint) {
    return spawn(Exchange.create(SCENARIO, PARTITION, restorePoint, peers));
  }

  /** Sends both shards' visits, shard 2 first, and returns the BidRequests each agent got. */
  private List<BidderProtocol.BidRequests> sendVisits(ActorRef<ExchangeProtocol.Command> exchange, long tick) {
    exchange.tell(new ExchangeProtocol.Visits(tick, 2, SHARD_2));
    exchange.tell(new ExchangeProtocol.Visits(tick, 0, SHARD_0));
    List<BidderProtocol.BidRequests> requests = new ArrayList<>();
    for (int a = 0; a < SCENARIO.agentCount(); a++) {
      requests.add(peers.bidderProbe(a).expectMessageClass(BidderProtocol.BidRequests.class));
    }
    return requests;
  }

  /** What a cleared tick sent out. */
  private record Cleared(
      ShardProtocol.Impressions shard0, ShardProtocol.Impressions shard2, List<BidderProtocol.WinNotice> notices,
      DriverProtocol.TickDone done) {}

  private Cleared expectCleared() {
    ShardProtocol.Impressions shard0 = peers.shardProbe(0).expectMessageClass(ShardProtocol.Impressions.class);
    ShardProtocol.Impressions shard2 = peers.shardProbe(2).expectMessageClass(ShardProtocol.Impressions.class);
    List<BidderProtocol.WinNotice> notices = new ArrayList<>();
    for (int a = 0; a < SCENARIO.agentCount(); a++) {
      notices.add(peers.bidderProbe(a).expectMessageClass(BidderProtocol.WinNotice.class));
    }
    DriverProtocol.TickDone done = peers.driverProbe().expectMessageClass(DriverProtocol.TickDone.class);
    return new Cleared(shard0, shard2, notices, done);
  }

  private Cleared runTick(ActorRef<ExchangeProtocol.Command> exchange, long tick, long[] a, long[] b) {
    sendVisits(exchange, tick);
    exchange.tell(DenseBids.of(tick, PARTITION, 0, a, NO_LIMIT));
    exchange.tell(DenseBids.of(tick, PARTITION, 1, b, NO_LIMIT));
    return expectCleared();
  }

  @Test
  void visitsFromAllShardsInAnyOrderShouldGiveOneBidRequestsInShardOrderToEveryAgent() {
    // given
    ActorRef<ExchangeProtocol.Command> exchange = spawn(RestorePoint.START);

    // when: shard 2 first
    exchange.tell(new ExchangeProtocol.Visits(0, 2, SHARD_2));

    // then: nothing until shard 0 is in
    peers.bidderProbe(0).expectNoMessage(Duration.ofMillis(200));
    peers.bidderProbe(1).expectNoMessage(Duration.ofMillis(1));

    // when
    exchange.tell(new ExchangeProtocol.Visits(0, 0, SHARD_0));

    // then
    List<BidderProtocol.BidRequests> requests = new ArrayList<>();
    for (int a = 0; a < SCENARIO.agentCount(); a++) {
      BidderProtocol.BidRequests request = peers.bidderProbe(a).expectMessageClass(BidderProtocol.BidRequests.class);
      assertThat(request.tick()).isZero();
      assertThat(request.partition()).isEqualTo(PARTITION);
      assertThat(request.reserveMicros()).isEqualTo(500);
      AuctionBatch auctions = request.auctions();
      assertThat(auctions.customers()).containsExactly(1, 4, 7, 21, 25);
      assertThat(auctions.stages()).containsExactly(0, 1, 2, 0, 1);
      requests.add(request);
      peers.bidderProbe(a).expectNoMessage(Duration.ofMillis(1));
    }
    // the public columns are one object shared by all bidders
    assertThat(requests.get(0).auctions()).isSameAs(requests.get(1).auctions());
    // b's own memory: row 0 of each shard, seen 3 times, clicked at tick -7
    OwnMemory b = requests.get(1).own();
    assertThat(b.rows()).containsExactly(0, 3);
    assertThat(b.frequencyToday()).containsExactly(3, 3);
    assertThat(b.lastClickTick()).containsExactly(-7, -7);
    // a never sees b's frequency or clicks: it has no memory rows at all
    assertThat(requests.get(0).own().size()).isZero();
    peers.driverProbe().expectNoMessage(Duration.ofMillis(100));
    assertThat(journal.persistedInStorage(PID)).isEmpty();
  }

  @Test
  void bidsFromAllAgentsShouldClearAtSecondPriceAndTellShardsBiddersAndDriver() {
    // given
    ActorRef<ExchangeProtocol.Command> exchange = spawn(RestorePoint.START);
    sendVisits(exchange, 0);

    // when
    exchange.tell(DenseBids.of(0, PARTITION, 1, BIDS_B, NO_LIMIT));
    peers.shardProbe(0).expectNoMessage(Duration.ofMillis(200));
    peers.driverProbe().expectNoMessage(Duration.ofMillis(1));
    exchange.tell(DenseBids.of(0, PARTITION, 0, BIDS_A, NO_LIMIT));

    // then
    Cleared cleared = expectCleared();
    assertThat(cleared.shard0()).satisfies(i -> {
      assertThat(i.tick()).isZero();
      assertThat(i.winners()).containsExactly(0, 1, 0);
    });
    assertThat(cleared.shard2().winners()).containsExactly(1, -1);
    // a: bids 3000 + 800 + 2000 accepted (50 is below the floor), wins 1 (pays b's 2000) and 7 (pays the reserve)
    assertThat(totals(cleared.notices().get(0))).containsExactly(3, 5800, 2, 2500);
    assertThat(cleared.notices().get(0).auctionIds())
        .containsExactly(AuctionId.of(0, PARTITION, 0), AuctionId.of(0, PARTITION, 2));
    assertThat(cleared.notices().get(0).pricesMicros()).containsExactly(2000, 500);
    assertThat(cleared.shard2().firstAuctionId()).isEqualTo(AuctionId.of(0, PARTITION, 3));
    assertThat(cleared.shard0().pricesMicros()).containsExactly(2000, 500, 500);
    // b: wins 4 (pays the reserve) and 21 (pays a's 2000)
    assertThat(totals(cleared.notices().get(1))).containsExactly(3, 6000, 2, 2500);
    assertThat(cleared.done()).isEqualTo(new DriverProtocol.TickDone(0, SELF, false, 5));
    peers.shardProbe(1).expectNoMessage(Duration.ofMillis(1));
    peers.shardProbe(3).expectNoMessage(Duration.ofMillis(1));

    List<Object> events = journal.persistedInStorage(PID);
    assertThat(events).hasSize(1);
    AuctionsCleared event = (AuctionsCleared) events.get(0);
    assertThat(event.tick()).isZero();
    assertThat(event.partition()).isEqualTo(PARTITION);
    assertThat(event.agents()).containsExactly("a", "b");
    assertThat(event.customers()).containsExactly(1, 4, 7, 21, 25);
    assertThat(event.winners()).containsExactly(0, 1, 0, 1, -1);
    assertThat(event.pricesMicros()).containsExactly(2000, 500, 500, 2000, 0);
    assertThat(DenseBids.column(event, 0)).containsExactly(3000, 0, 800, 2000, 0);
    assertThat(DenseBids.column(event, 1)).containsExactly(BIDS_B);
  }

  @Test
  void theOrderInWhichAgentsBidShouldNotChangeTheOutcome() {
    // given: ties on every auction, so the seeded tie-break decides
    long[] tiedA = {1000, 1000, 1000, 1000, 1000};
    long[] tiedB = {1000, 1000, 1000, 1000, 1000};
    ActorRef<ExchangeProtocol.Command> first = spawn(RestorePoint.START);
    Cleared aFirst = runTick(first, 0, tiedA, tiedB);
    stop(first);
    journal.clearAll();
    snapshots.clearAll();

    // when
    ActorRef<ExchangeProtocol.Command> second = spawn(RestorePoint.START);
    sendVisits(second, 0);
    second.tell(DenseBids.of(0, PARTITION, 1, tiedB, NO_LIMIT));
    second.tell(DenseBids.of(0, PARTITION, 0, tiedA, NO_LIMIT));
    Cleared bFirst = expectCleared();

    // then
    assertThat(bFirst.shard0().winners()).containsExactly(aFirst.shard0().winners());
    assertThat(bFirst.shard2().winners()).containsExactly(aFirst.shard2().winners());
    assertThat(bFirst.notices()).usingRecursiveComparison().isEqualTo(aFirst.notices());
    assertThat(bFirst.done()).isEqualTo(aFirst.done());
    // every auction sold at the tied price
    long impressions = aFirst.notices().stream().mapToLong(BidderProtocol.WinNotice::impressions).sum();
    long spend = aFirst.notices().stream().mapToLong(BidderProtocol.WinNotice::spendMicros).sum();
    assertThat(impressions).isEqualTo(5);
    assertThat(spend).isEqualTo(5 * 1000);
  }

  @Test
  void anAgentShouldNotSpendMoreThanItsSpendLimit() {
    // given
    ActorRef<ExchangeProtocol.Command> exchange = spawn(RestorePoint.START);
    sendVisits(exchange, 0);

    // when: a may spend 2500, so its 3000 on auction 1 is rejected
    exchange.tell(DenseBids.of(0, PARTITION, 0, BIDS_A, 2500));
    exchange.tell(DenseBids.of(0, PARTITION, 1, BIDS_B, NO_LIMIT));

    // then
    Cleared cleared = expectCleared();
    assertThat(cleared.shard0().winners()).containsExactly(1, 1, 0);
    assertThat(cleared.shard2().winners()).containsExactly(1, -1);
    BidderProtocol.WinNotice a = cleared.notices().get(0);
    assertThat(totals(a)).containsExactly(2, 2800, 1, 500);
    assertThat(a.spendMicros()).isLessThanOrEqualTo(2500);
    assertThat(totals(cleared.notices().get(1))).containsExactly(3, 6000, 3, 3000);
  }

  @Test
  void checkpointTickShouldReportTickDoneWithCheckpointSavedAndItsAuctionsAfterTheSnapshot() {
    // given
    ActorRef<ExchangeProtocol.Command> exchange = spawn(RestorePoint.START);
    runTick(exchange, 0, BIDS_A, BIDS_B);

    // when
    Cleared tick1 = runTick(exchange, 1, BIDS_A, BIDS_B);

    // then
    assertThat(tick1.done()).isEqualTo(new DriverProtocol.TickDone(1, SELF, true, 5));
    assertThat(snapshots.persistedInStorage(PID)).hasSize(1);
    assertThat(snapshots.persistedInStorage(PID).get(0).second()).isEqualTo(new ExchangeCheckpoint(1));
    peers.driverProbe().expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void visitsOfAShardOfAnotherPartitionShouldReportTickFailed() {
    // given
    ActorRef<ExchangeProtocol.Command> exchange = spawn(RestorePoint.START);

    // when
    exchange.tell(new ExchangeProtocol.Visits(0, 1, batch(11)));

    // then
    DriverProtocol.TickFailed failed = peers.driverProbe().expectMessageClass(DriverProtocol.TickFailed.class);
    assertThat(failed.who()).isEqualTo(SELF);
    assertThat(failed.reason()).contains("shard 1");
  }

  @Test
  void bidsBeforeTheRequestShouldReportTickFailed() {
    // given
    ActorRef<ExchangeProtocol.Command> exchange = spawn(RestorePoint.START);
    exchange.tell(new ExchangeProtocol.Visits(0, 0, SHARD_0));

    // when
    exchange.tell(DenseBids.of(0, PARTITION, 0, new long[3], NO_LIMIT));

    // then
    DriverProtocol.TickFailed failed = peers.driverProbe().expectMessageClass(DriverProtocol.TickFailed.class);
    assertThat(failed.tick()).isZero();
    assertThat(failed.reason()).contains("agent 0");
  }

  @Test
  void restartAtCheckpointShouldReproduceReRunTicksWithoutJournalingThemAndStopOnADifference() {
    // given: ticks 0..2 cleared, checkpoint after tick 1
    ActorRef<ExchangeProtocol.Command> first = spawn(RestorePoint.START);
    runTick(first, 0, BIDS_A, BIDS_B);
    runTick(first, 1, BIDS_A, BIDS_B);
    Cleared original = runTick(first, 2, BIDS_A, BIDS_B);
    stop(first);

    // when: the same inputs
    ActorRef<ExchangeProtocol.Command> second = spawn(new RestorePoint(1));
    Cleared rerun = runTick(second, 2, BIDS_A, BIDS_B);

    // then
    assertThat(rerun.shard0().winners()).containsExactly(original.shard0().winners());
    assertThat(rerun.notices()).usingRecursiveComparison().isEqualTo(original.notices());
    assertThat(rerun.done()).isEqualTo(original.done());
    assertThat(journal.persistedInStorage(PID)).hasSize(3);
    stop(second);

    // when: different bids for the journaled tick
    ActorRef<ExchangeProtocol.Command> third = spawn(new RestorePoint(1));
    TestProbe<Object> watcher = testKit.createTestProbe();
    sendVisits(third, 2);
    LoggingTestKit.error(JournaledAhead.DeterminismViolation.class)
        .withMessageContains("exchange-0 re-ran tick 2")
        .expect(testKit.system(), () -> {
          third.tell(DenseBids.of(2, PARTITION, 0, BIDS_B, NO_LIMIT));
          third.tell(DenseBids.of(2, PARTITION, 1, BIDS_A, NO_LIMIT));
          return null;
        });

    // then
    watcher.expectTerminated(third);
    peers.driverProbe().expectNoMessage(Duration.ofMillis(100));
    assertThat(journal.persistedInStorage(PID)).hasSize(3);
    peers.shardProbe(0).expectNoMessage(Duration.ofMillis(1));
    peers.shardProbe(2).expectNoMessage(Duration.ofMillis(1));
  }
}
