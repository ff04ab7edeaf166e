package org.bidarena.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.bidarena.core.events.CheckpointCompleted;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.DriverProtocol.TickDone;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.testing.ProbePeers;
import org.bidarena.core.testing.TickActorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tick barrier of the Driver, with probes for every shard, exchange partition and bidder. */
class DriverTest extends TickActorTest {
  /** 4 shards, 2 partitions and 2 agents: 8 participants; 4 ticks, a checkpoint after ticks 1 and 3. */
  private static final Scenario SCENARIO = ProbePeers.smallMarket(1, "a{strategy=fixed},b{strategy=aggressive}");
  private static final List<Participant> PARTICIPANTS = Driver.participantsOf(SCENARIO);
  private static final RunStarted RUN = new RunStarted("scenario text", 7L, "0123456789abcdef0123456789abcdef", 4);
  private static final Duration LONG_TIMEOUT = Duration.ofSeconds(60);

  private TestProbe<RunProgress> observer;

  DriverTest() {
    super(SCENARIO);
  }

  @BeforeEach
  void freshObserver() {
    observer = testKit.createTestProbe(RunProgress.class);
  }

  private ActorRef<DriverProtocol.Command> spawn(Duration tickTimeout) {
    return spawn(Driver.create(SCENARIO, peers, tickTimeout));
  }

  private ActorRef<DriverProtocol.Command> startedDriver() {
    ActorRef<DriverProtocol.Command> driver = spawn(LONG_TIMEOUT);
    driver.tell(new Driver.Start(RUN, RestorePoint.START, observer.ref()));
    expectTickAtEveryShard(0);
    return driver;
  }

  private void expectTickAtEveryShard(long tick) {
    for (int k = 0; k < SCENARIO.shards(); k++) {
      assertThat(peers.shardProbe(k).expectMessageClass(ShardProtocol.Tick.class))
          .isEqualTo(new ShardProtocol.Tick(tick));
    }
  }

  private void expectNoTickAtAnyShard() {
    peers.shardProbe(0).expectNoMessage(Duration.ofMillis(200));
    for (int k = 1; k < SCENARIO.shards(); k++) {
      peers.shardProbe(k).expectNoMessage(Duration.ofMillis(1));
    }
  }

  /** Exchanges report 10 + partition auctions, so the sum shows whether each was counted once. */
  private static TickDone done(long tick, Participant who, boolean checkpointSaved) {
    long auctions = who.kind() == Participant.Kind.EXCHANGE ? 10 + who.id() : 0;
    return new TickDone(tick, who, checkpointSaved, auctions);
  }

  private static final long AUCTIONS_PER_TICK = 10 + 11;

  private void finishTick(ActorRef<DriverProtocol.Command> driver, long tick) {
    for (Participant who : PARTICIPANTS) {
      driver.tell(done(tick, who, SCENARIO.isCheckpointTick(tick)));
    }
  }

  @Test
  void participantsShouldBeEveryShardPartitionAndAgent() {
    assertThat(PARTICIPANTS).hasSize(8).doesNotHaveDuplicates();
    assertThat(PARTICIPANTS).contains(
        new Participant(Participant.Kind.SHARD, 3), new Participant(Participant.Kind.EXCHANGE, 1),
        new Participant(Participant.Kind.BIDDER, 1));
  }

  @Test
  void startShouldJournalRunStartedAndSendTickZeroToEveryShard() {
    // given
    ActorRef<DriverProtocol.Command> driver = spawn(LONG_TIMEOUT);

    // when
    driver.tell(new Driver.Start(RUN, RestorePoint.START, observer.ref()));

    // then
    expectTickAtEveryShard(0);
    assertThat(journal.persistedInStorage(Driver.PERSISTENCE_ID)).containsExactly(RUN);
    observer.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void tickDoneFromEveryParticipantShouldStartTheNextTickAndTellTheObserver() {
    // given
    ActorRef<DriverProtocol.Command> driver = startedDriver();

    // when
    finishTick(driver, 0);

    // then
    assertThat(observer.expectMessageClass(RunProgress.TickFinished.class))
        .isEqualTo(new RunProgress.TickFinished(0, AUCTIONS_PER_TICK, SCENARIO.totalTicks()));
    expectTickAtEveryShard(1);
    assertThat(journal.persistedInStorage(Driver.PERSISTENCE_ID))
        .containsExactly(RUN, new TickCompleted(0, AUCTIONS_PER_TICK));
  }

  @Test
  void aMissingParticipantShouldHoldBackTheNextTick() {
    // given
    ActorRef<DriverProtocol.Command> driver = startedDriver();
    Participant last = PARTICIPANTS.get(PARTICIPANTS.size() - 1);

    // when
    for (Participant who : PARTICIPANTS) {
      if (!who.equals(last)) {
        driver.tell(done(0, who, false));
      }
    }

    // then
    expectNoTickAtAnyShard();
    observer.expectNoMessage(Duration.ofMillis(1));
    assertThat(journal.persistedInStorage(Driver.PERSISTENCE_ID)).containsExactly(RUN);

    // and the last one releases it
    driver.tell(done(0, last, false));
    observer.expectMessageClass(RunProgress.TickFinished.class);
    expectTickAtEveryShard(1);
  }

  @Test
  void duplicateAndStaleTickDoneShouldBeIgnored() {
    // given: tick 1 is under way
    ActorRef<DriverProtocol.Command> driver = startedDriver();
    finishTick(driver, 0);
    observer.expectMessageClass(RunProgress.TickFinished.class);
    expectTickAtEveryShard(1);
    Participant exchange0 = new Participant(Participant.Kind.EXCHANGE, 0);

    // when: every participant repeats tick 0, or reports a future tick, and exchange 0 reports tick 1 twice
    finishTick(driver, 0);
    finishTick(driver, 2);
    driver.tell(done(1, exchange0, true));
    for (Participant who : PARTICIPANTS) {
      if (!who.equals(PARTICIPANTS.get(0))) {
        driver.tell(done(1, who, true));
      }
    }

    // then: the first shard is still missing
    expectNoTickAtAnyShard();
    observer.expectNoMessage(Duration.ofMillis(1));

    // and when it reports, exchange 0's auctions count once
    driver.tell(done(1, PARTICIPANTS.get(0), true));
    assertThat(observer.expectMessageClass(RunProgress.TickFinished.class))
        .isEqualTo(new RunProgress.TickFinished(1, AUCTIONS_PER_TICK, SCENARIO.totalTicks()));
    expectTickAtEveryShard(2);
  }

  @Test
  void tickFailedShouldFailTheRunWithItsReasonAndStopTheDriver() {
    // given
    ActorRef<DriverProtocol.Command> driver = startedDriver();
    TestProbe<Object> watcher = testKit.createTestProbe();

    // when
    driver.tell(new DriverProtocol.TickFailed(0, new Participant(Participant.Kind.SHARD, 2), "lost its customers"));

    // then
    RunProgress.RunFailed failed = observer.expectMessageClass(RunProgress.RunFailed.class);
    assertThat(failed.reason()).contains("shard-2").contains("lost its customers").contains("tick 0");
    watcher.expectTerminated(driver);
    expectNoTickAtAnyShard();
  }

  @Test
  void theLastTickShouldFinishTheRun() {
    // given
    ActorRef<DriverProtocol.Command> driver = startedDriver();

    // when
    for (long t = 0; t < SCENARIO.totalTicks(); t++) {
      finishTick(driver, t);
      assertThat(observer.expectMessageClass(RunProgress.TickFinished.class).tick()).isEqualTo(t);
      if (t + 1 < SCENARIO.totalTicks()) {
        expectTickAtEveryShard(t + 1);
      }
    }

    // then
    assertThat(observer.expectMessageClass(RunProgress.RunFinished.class))
        .isEqualTo(new RunProgress.RunFinished(SCENARIO.totalTicks() - 1));
    expectNoTickAtAnyShard();
    assertThat(journal.persistedInStorage(Driver.PERSISTENCE_ID)).containsExactly(
        RUN, new TickCompleted(0, AUCTIONS_PER_TICK), new TickCompleted(1, AUCTIONS_PER_TICK),
        new CheckpointCompleted(1), new TickCompleted(2, AUCTIONS_PER_TICK),
        new TickCompleted(3, AUCTIONS_PER_TICK), new CheckpointCompleted(3));
  }

  @Test
  void aMissingParticipantShouldFailTheRunNamingItWhenTheTickTimesOut() {
    // given
    ActorRef<DriverProtocol.Command> driver = spawn(Duration.ofMillis(300));
    driver.tell(new Driver.Start(RUN, RestorePoint.START, observer.ref()));
    expectTickAtEveryShard(0);
    TestProbe<Object> watcher = testKit.createTestProbe();
    Participant missing = new Participant(Participant.Kind.BIDDER, 1);

    // when
    for (Participant who : PARTICIPANTS) {
      if (!who.equals(missing)) {
        driver.tell(done(0, who, false));
      }
    }

    // then
    RunProgress.RunFailed failed = observer.expectMessageClass(RunProgress.RunFailed.class, Duration.ofSeconds(5));
    assertThat(failed.reason()).contains("tick 0").contains("bidder-1").doesNotContain("shard-0");
    watcher.expectTerminated(driver);
  }

  @Test
  void aTimelyTickShouldNotTimeOutLater() {
    // given
    ActorRef<DriverProtocol.Command> driver = spawn(Duration.ofMillis(300));
    driver.tell(new Driver.Start(RUN, RestorePoint.START, observer.ref()));
    expectTickAtEveryShard(0);

    // when: tick 0 completes in time, then tick 1 runs longer than the timeout of tick 0 would allow
    finishTick(driver, 0);
    observer.expectMessageClass(RunProgress.TickFinished.class);
    expectTickAtEveryShard(1);

    // then: the failure names tick 1, not tick 0
    RunProgress.RunFailed failed = observer.expectMessageClass(RunProgress.RunFailed.class, Duration.ofSeconds(5));
    assertThat(failed.reason()).contains("tick 1");
  }

  @Test
  void checkpointTickSavedByEveryoneShouldJournalCheckpointCompleted() {
    // given
    ActorRef<DriverProtocol.Command> driver = startedDriver();
    finishTick(driver, 0);
    observer.expectMessageClass(RunProgress.TickFinished.class);
    expectTickAtEveryShard(1);

    // when
    finishTick(driver, 1);

    // then
    observer.expectMessageClass(RunProgress.TickFinished.class);
    expectTickAtEveryShard(2);
    assertThat(journal.persistedInStorage(Driver.PERSISTENCE_ID)).containsExactly(
        RUN, new TickCompleted(0, AUCTIONS_PER_TICK), new TickCompleted(1, AUCTIONS_PER_TICK),
        new CheckpointCompleted(1));
  }

  @Test
  void checkpointTickNotSavedByEveryoneShouldNotJournalCheckpointCompleted() {
    // given
    ActorRef<DriverProtocol.Command> driver = startedDriver();
    finishTick(driver, 0);
    observer.expectMessageClass(RunProgress.TickFinished.class);
    expectTickAtEveryShard(1);

    // when: one bidder has not saved its snapshot
    for (Participant who : PARTICIPANTS) {
      driver.tell(done(1, who, who.kind() != Participant.Kind.BIDDER || who.id() != 0));
    }

    // then
    observer.expectMessageClass(RunProgress.TickFinished.class);
    expectTickAtEveryShard(2);
    assertThat(journal.persistedInStorage(Driver.PERSISTENCE_ID)).containsExactly(
        RUN, new TickCompleted(0, AUCTIONS_PER_TICK), new TickCompleted(1, AUCTIONS_PER_TICK));
  }

  @Test
  void resumeShouldReRunTheTicksAfterTheLastCheckpointWithoutJournalingThemAgain() {
    // given: ticks 0..2 completed, checkpoint 1, then the Driver stops
    ActorRef<DriverProtocol.Command> first = startedDriver();
    for (long t = 0; t < 3; t++) {
      finishTick(first, t);
      observer.expectMessageClass(RunProgress.TickFinished.class);
      expectTickAtEveryShard(t + 1);
    }
    stop(first);
    int journaled = journal.persistedInStorage(Driver.PERSISTENCE_ID).size();

    // when
    ActorRef<DriverProtocol.Command> second = spawn(LONG_TIMEOUT);
    second.tell(new Driver.Start(RUN, new RestorePoint(1), observer.ref()));

    // then: tick 2 is re-run and checked, tick 3 is new
    expectTickAtEveryShard(2);
    finishTick(second, 2);
    assertThat(observer.expectMessageClass(RunProgress.TickFinished.class).tick()).isEqualTo(2);
    expectTickAtEveryShard(3);
    assertThat(journal.persistedInStorage(Driver.PERSISTENCE_ID)).hasSize(journaled);
    finishTick(second, 3);
    observer.expectMessageClass(RunProgress.TickFinished.class);
    observer.expectMessageClass(RunProgress.RunFinished.class);
    assertThat(journal.persistedInStorage(Driver.PERSISTENCE_ID))
        .hasSize(journaled + 2)
        .endsWith(new TickCompleted(3, AUCTIONS_PER_TICK), new CheckpointCompleted(3));
  }

  @Test
  void resumeFromAnotherCheckpointThanTheJournalsShouldFailTheRun() {
    // given: only tick 0 completed, so there is no checkpoint
    ActorRef<DriverProtocol.Command> first = startedDriver();
    finishTick(first, 0);
    observer.expectMessageClass(RunProgress.TickFinished.class);
    expectTickAtEveryShard(1);
    stop(first);

    // when
    ActorRef<DriverProtocol.Command> second = spawn(LONG_TIMEOUT);
    second.tell(new Driver.Start(RUN, new RestorePoint(1), observer.ref()));

    // then
    assertThat(observer.expectMessageClass(RunProgress.RunFailed.class).reason()).contains("checkpoint 1");
    expectNoTickAtAnyShard();
  }
}
