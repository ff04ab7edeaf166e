package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.journal.JournaledAhead;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.scenario.Pacing;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.testing.ProbePeers;
import org.bidarena.core.testing.TickActorTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batch protocol of a Bidder, with probes for the exchange partitions, the shards and the Driver. */
class BidderTest extends TickActorTest {
  /** 2 days of 4 ticks, a checkpoint after ticks 1, 3, 5, 7; 4 shards and 2 partitions; budgets of 10.00. */
  private static final Scenario SCENARIO = ProbePeers.smallMarket(2, "a{strategy=fixed},b{strategy=aggressive,pacing=asap},c{strategy=conservative}");

  private static final int FIXED = 0;
  private static final int ASAP = 1;
  private static final int CONSERVATIVE = 2;
  private static final long BUDGET = 10_000_000;
  private static final int CAP = 8;

  BidderTest() {
    super(SCENARIO);
  }

  @BeforeAll
  static void scenarioIsAsAssumed() {
    assertThat(SCENARIO.agents()).extracting(a -> a.id()).containsExactly("a", "b", "c");
    assertThat(SCENARIO.agents()).allSatisfy(a -> {
      assertThat(a.dailyBudgetMicros()).isEqualTo(BUDGET);
      assertThat(a.frequencyCap()).isEqualTo(CAP);
    });
    assertThat(SCENARIO.agents().get(FIXED).pacing()).isEqualTo(Pacing.EVEN);
    assertThat(SCENARIO.agents().get(ASAP).pacing()).isEqualTo(Pacing.ASAP);
    assertThat(SCENARIO.agents().get(CONSERVATIVE).stageMask())
        .isEqualTo((1 << Stage.INTEREST.ordinal()) | (1 << Stage.CONSIDERATION.ordinal()));
  }

  private static String pid(int agent) {
    return PersistenceId.of(EntityKeys.BIDDER.name(), SCENARIO.agents().get(agent).id()).id();
  }

  private ActorRef<BidderProtocol.Command> spawn(int agent, RestorePoint restorePoint) {
    return spawn(Bidder.create(SCENARIO, agent, restorePoint, peers));
  }

  /**
   * Six auctions per partition, one per stage in stage order; every agent has reached its frequency cap
   * with the customer of row 2 (a consideration stage customer) and is one below it in row 1.
   */
  private static AuctionBatch auctions(int partition) {
    int n = Stage.COUNT;
    int[] customers = new int[n];
    byte[] stages = new byte[n];
    for (int i = 0; i < n; i++) {
      customers[i] = partition * 10 + i;
      stages[i] = (byte) i;
    }
    return new AuctionBatch(customers, stages, new short[n], new byte[n], new int[n], new byte[n]);
  }

  /** The bidder's own memory: rows 1 and 2, one below the cap and at it. */
  private static final OwnMemory OWN = new OwnMemory(new int[] {1, 2}, new byte[] {CAP - 1, CAP},
      new int[] {VisitBatch.NEVER, VisitBatch.NEVER}, new int[] {VisitBatch.NEVER, VisitBatch.NEVER});

  private static BidderProtocol.BidRequests request(long tick, int partition) {
    return new BidderProtocol.BidRequests(tick, partition, auctions(partition), OWN, SCENARIO.auction().reserveMicros());
  }

  /** Asks for bids from both partitions, partition 1 first, and returns the Bids in partition order. */
  private List<ExchangeProtocol.Bids> requestBids(ActorRef<BidderProtocol.Command> bidder, long tick) {
    bidder.tell(request(tick, 1));
    bidder.tell(request(tick, 0));
    List<ExchangeProtocol.Bids> bids = new ArrayList<>();
    for (int p = 0; p < SCENARIO.partitions(); p++) {
      bids.add(peers.exchangeProbe(p).expectMessageClass(ExchangeProtocol.Bids.class));
    }
    return bids;
  }

  private static long sumOfLimits(List<ExchangeProtocol.Bids> bids) {
    return bids.stream().mapToLong(ExchangeProtocol.Bids::spendLimitMicros).sum();
  }

  /** A whole tick: requests, a WinNotice per partition spending {@code spend[p]}, one click per shard. */
  private List<ExchangeProtocol.Bids> runTick(ActorRef<BidderProtocol.Command> bidder, int agent, long tick, long... spend) {
    List<ExchangeProtocol.Bids> bids = requestBids(bidder, tick);
    for (int p = 0; p < SCENARIO.partitions(); p++) {
      bidder.tell(Messages.winNotice(tick, p, 4, 4 * 2000, 2, spend[p]));
    }
    for (int k = 0; k < SCENARIO.shards(); k++) {
      bidder.tell(Messages.outcomes(tick, k, 1, k == 0 ? 1 : 0, k == 0 ? 50_000_000 : 0));
    }
    assertThat(peers.driverProbe().expectMessageClass(DriverProtocol.TickDone.class))
        .isEqualTo(new DriverProtocol.TickDone(
            tick, new Participant(Participant.Kind.BIDDER, agent), SCENARIO.isCheckpointTick(tick), 0));
    return bids;
  }

  @Test
  void bidRequestsShouldBeAnsweredWithBidsOnTargetedStagesBelowTheCapAndAnEvenShareOfTheAllowance() {
    // given
    ActorRef<BidderProtocol.Command> bidder = spawn(CONSERVATIVE, RestorePoint.START);

    // when
    List<ExchangeProtocol.Bids> bids = requestBids(bidder, 0);

    // then: interest (row 1, one below the cap) gets the base bid x 0.7; consideration (row 2) is capped
    long conservativeBid = Math.round(SCENARIO.baseBidMicros() * 0.7);
    for (int p = 0; p < SCENARIO.partitions(); p++) {
      ExchangeProtocol.Bids b = bids.get(p);
      assertThat(b.tick()).isZero();
      assertThat(b.partition()).isEqualTo(p);
      assertThat(b.agent()).isEqualTo(CONSERVATIVE);
      assertThat(Messages.dense(b, Stage.COUNT)).containsExactly(0, conservativeBid, 0, 0, 0, 0);
    }
    // even pacing over 4 ticks: a quarter of the budget, split over the partitions
    assertThat(sumOfLimits(bids)).isEqualTo(BUDGET / 4);
    assertThat(bids).extracting(ExchangeProtocol.Bids::spendLimitMicros).containsExactly(BUDGET / 8, BUDGET / 8);
    peers.driverProbe().expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void anAgentTargetingEveryStageShouldBidOnEveryRowBelowTheCap() {
    // given
    ActorRef<BidderProtocol.Command> bidder = spawn(FIXED, RestorePoint.START);

    // when
    List<ExchangeProtocol.Bids> bids = requestBids(bidder, 0);

    // then
    long fixed = SCENARIO.agents().get(FIXED).settings().micros("bid-cpm");
    assertThat(fixed).isPositive();
    for (ExchangeProtocol.Bids b : bids) {
      assertThat(Messages.dense(b, Stage.COUNT)).containsExactly(fixed, fixed, 0, fixed, fixed, fixed);
    }
  }

  @Test
  void tickDoneShouldWaitForAWinNoticeFromEveryPartitionAndOutcomesFromEveryShard() {
    // given
    ActorRef<BidderProtocol.Command> bidder = spawn(FIXED, RestorePoint.START);
    requestBids(bidder, 0);

    // when: every shard's outcomes but only one partition's win notice
    for (int k = 0; k < SCENARIO.shards(); k++) {
      bidder.tell(Messages.outcomes(0, k, 2, 1, 1_000_000L * (k + 1)));
    }
    bidder.tell(Messages.winNotice(0, 1, 3, 6000, 2, 2500));

    // then
    peers.driverProbe().expectNoMessage(Duration.ofMillis(200));
    assertThat(journal.persistedInStorage(pid(FIXED))).isEmpty();

    // when: the other partition's win notice
    bidder.tell(Messages.winNotice(0, 0, 5, 9000, 4, 7000));

    // then
    assertThat(peers.driverProbe().expectMessageClass(DriverProtocol.TickDone.class))
        .isEqualTo(new DriverProtocol.TickDone(0, new Participant(Participant.Kind.BIDDER, FIXED), false, 0));
    assertThat(journal.persistedInStorage(pid(FIXED))).containsExactly(new BidderTickSettled(
        0, "a", 12, 8, 15_000, 6, 9500, 8, 4, 10_000_000, 9500, 1.0));
  }

  @Test
  void winNoticesShouldWaitForTheLastShardsOutcomesToo() {
    // given
    ActorRef<BidderProtocol.Command> bidder = spawn(FIXED, RestorePoint.START);
    requestBids(bidder, 0);
    bidder.tell(Messages.winNotice(0, 0, 0, 0, 0, 0));
    bidder.tell(Messages.winNotice(0, 1, 0, 0, 0, 0));
    for (int k = 0; k < SCENARIO.shards() - 1; k++) {
      bidder.tell(Messages.outcomes(0, k, 0, 0, 0));
    }

    // then
    peers.driverProbe().expectNoMessage(Duration.ofMillis(200));

    // when
    bidder.tell(Messages.outcomes(0, SCENARIO.shards() - 1, 0, 0, 0));

    // then
    assertThat(peers.driverProbe().expectMessageClass(DriverProtocol.TickDone.class).tick()).isZero();
  }

  @Test
  void spendLimitsShouldFollowWhatIsLeftOfTheDayAndResetOnTheNextDay() {
    // given: ASAP pacing hands out all that is left of the day
    ActorRef<BidderProtocol.Command> bidder = spawn(ASAP, RestorePoint.START);
    List<Long> limits = new ArrayList<>();

    // when: each tick spends 1.5 M in partition 0 and 0.5 M in partition 1, for a day and a tick
    for (long t = 0; t <= SCENARIO.ticksPerDay(); t++) {
      limits.add(sumOfLimits(runTick(bidder, ASAP, t, 1_500_000, 500_000)));
    }

    // then
    assertThat(limits).containsExactly(BUDGET, BUDGET - 2_000_000, BUDGET - 4_000_000, BUDGET - 6_000_000, BUDGET);
    List<BidderTickSettled> settled = journal.persistedInStorage(pid(ASAP)).stream()
        .map(BidderTickSettled.class::cast).toList();
    assertThat(settled).extracting(BidderTickSettled::tick).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(settled).extracting(BidderTickSettled::spentTodayMicros)
        .containsExactly(2_000_000L, 4_000_000L, 6_000_000L, 8_000_000L, 2_000_000L);
    assertThat(settled).extracting(BidderTickSettled::spendMicros).containsOnly(2_000_000L);
    assertThat(settled).extracting(BidderTickSettled::auctions).containsOnly(12L);
    assertThat(settled).extracting(BidderTickSettled::clicks).containsOnly(4L);
    assertThat(settled).extracting(BidderTickSettled::revenueMicros).containsOnly(50_000_000L);
  }

  @Test
  void evenPacingShouldSpreadWhatIsLeftOverTheTicksLeft() {
    // given
    ActorRef<BidderProtocol.Command> bidder = spawn(FIXED, RestorePoint.START);

    // when
    List<ExchangeProtocol.Bids> tick0 = runTick(bidder, FIXED, 0, 1_000_000, 500_000);
    List<ExchangeProtocol.Bids> tick1 = runTick(bidder, FIXED, 1, 0, 0);

    // then
    BudgetPacer pacer = BudgetPacer.of(SCENARIO.agents().get(FIXED), SCENARIO);
    assertThat(sumOfLimits(tick0)).isEqualTo(pacer.tickAllowance(0, 0)).isEqualTo(BUDGET / 4);
    assertThat(sumOfLimits(tick1)).isEqualTo(pacer.tickAllowance(1, 1_500_000)).isEqualTo((BUDGET - 1_500_000) / 3);
  }

  @Test
  void checkpointTickShouldSnapshotTheDaysSpend() {
    // given
    ActorRef<BidderProtocol.Command> bidder = spawn(ASAP, RestorePoint.START);
    runTick(bidder, ASAP, 0, 1_000_000, 0);

    // when: tick 1 is a checkpoint tick (runTick expects checkpointSaved = true)
    runTick(bidder, ASAP, 1, 0, 3_000_000);

    // then
    var stored = snapshots.persistedInStorage(pid(ASAP));
    assertThat(stored).hasSize(1);
    BidderCheckpoint checkpoint = (BidderCheckpoint) stored.get(0).second();
    assertThat(checkpoint.tick()).isEqualTo(1);
    assertThat(checkpoint.spentTodayMicros()).isEqualTo(4_000_000);
  }

  @Test
  void bidRequestsOutOfOrderShouldReportTickFailed() {
    // given
    ActorRef<BidderProtocol.Command> bidder = spawn(FIXED, RestorePoint.START);

    // when
    bidder.tell(request(1, 0));

    // then
    DriverProtocol.TickFailed failed = peers.driverProbe().expectMessageClass(DriverProtocol.TickFailed.class);
    assertThat(failed.tick()).isEqualTo(1);
    assertThat(failed.who()).isEqualTo(new Participant(Participant.Kind.BIDDER, FIXED));
    peers.exchangeProbe(0).expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void aWinNoticeOfAnotherTickShouldReportTickFailed() {
    // given
    ActorRef<BidderProtocol.Command> bidder = spawn(FIXED, RestorePoint.START);
    requestBids(bidder, 0);

    // when
    bidder.tell(Messages.winNotice(1, 0, 0, 0, 0, 0));

    // then
    assertThat(peers.driverProbe().expectMessageClass(DriverProtocol.TickFailed.class).tick()).isEqualTo(1);
  }

  @Test
  void restartAtCheckpointShouldRestoreTheDaysSpendAndCheckReRunTicksAgainstTheJournal() {
    // given: ticks 0..2, checkpoint after tick 1
    ActorRef<BidderProtocol.Command> first = spawn(ASAP, RestorePoint.START);
    runTick(first, ASAP, 0, 1_000_000, 0);
    runTick(first, ASAP, 1, 1_000_000, 0);
    List<ExchangeProtocol.Bids> original = runTick(first, ASAP, 2, 1_000_000, 0);
    stop(first);

    // when: tick 2 re-run with the same inputs
    ActorRef<BidderProtocol.Command> second = spawn(ASAP, new RestorePoint(1));
    List<ExchangeProtocol.Bids> rerun = runTick(second, ASAP, 2, 1_000_000, 0);

    // then: the same bids and limits (which need the restored spend of the day), nothing journaled again
    assertThat(sumOfLimits(rerun)).isEqualTo(sumOfLimits(original)).isEqualTo(BUDGET - 2_000_000);
    for (int p = 0; p < SCENARIO.partitions(); p++) {
      assertThat(rerun.get(p)).usingRecursiveComparison().isEqualTo(original.get(p));
    }
    assertThat(journal.persistedInStorage(pid(ASAP))).hasSize(3);
    stop(second);

    // when: tick 2 re-run with a different spend than journaled
    ActorRef<BidderProtocol.Command> third = spawn(ASAP, new RestorePoint(1));
    TestProbe<Object> watcher = testKit.createTestProbe();
    requestBids(third, 2);
    for (int p = 0; p < SCENARIO.partitions(); p++) {
      third.tell(Messages.winNotice(2, p, 4, 8000, 2, 123));
    }
    LoggingTestKit.error(JournaledAhead.DeterminismViolation.class)
        .withMessageContains("bidder-1 re-ran tick 2")
        .expect(testKit.system(), () -> {
          for (int k = 0; k < SCENARIO.shards(); k++) {
            third.tell(Messages.outcomes(2, k, 1, k == 0 ? 1 : 0, k == 0 ? 50_000_000 : 0));
          }
          return null;
        });

    // then
    watcher.expectTerminated(third);
    peers.driverProbe().expectNoMessage(Duration.ofMillis(100));
    assertThat(journal.persistedInStorage(pid(ASAP))).hasSize(3);
  }
}
