package org.bidarena.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.bidarena.core.events.CheckpointCompleted;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.DriverProtocol.TickDone;
import org.bidarena.core.protocol.EpochProtocol;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Incarnation;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.testing.ProbePeers;
import org.bidarena.core.testing.TickActorTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Driver's rewind after a lost cluster member: nodes learn the new epoch, every participant of the
 * old incarnation halts, and only then does the next incarnation re-run the ticks after the checkpoint.
 */
@ExtendWith(LogCapturingExtension.class)
class DriverRewindTest {
  /** 4 shards, 2 partitions and 2 agents; 4 ticks, checkpoints after ticks 1 and 3. */
  private static final Scenario SCENARIO = ProbePeers.smallMarket(1, "a{strategy=fixed},b{strategy=aggressive}");
  private static final List<Participant> PARTICIPANTS = Driver.participantsOf(SCENARIO);
  private static final RunStarted RUN = new RunStarted("scenario text", 7L, "0123456789abcdef0123456789abcdef", 4);
  private static final Incarnation FIRST = Incarnation.first(RestorePoint.START);
  private static final Incarnation AFTER_CHECKPOINT_1 = FIRST.next(1);
  private static final String NODE_1 = "pekko://BidArena@127.0.0.1:25520";
  private static final String NODE_2 = "pekko://BidArena@127.0.0.1:25521";
  private static final String NODE_3 = "pekko://BidArena@127.0.0.1:25522";

  // Each test gets its own system, so a keeper registered with the Receptionist stays in its test.
  private ActorTestKit testKit;
  private PersistenceTestKit journal;
  private ProbePeers probes;
  private AddressedPeers peers;
  private final List<Addressed> sent = Collections.synchronizedList(new ArrayList<>());
  private TestProbe<RunProgress> observer;

  /** Who got what, in which incarnation: the probes alone cannot tell incarnations apart. */
  record Addressed(Incarnation incarnation, Object message) {}

  /** Forwards to the probes and notes the incarnation each message was addressed in. */
  private final class AddressedPeers implements Peers {
    private final Incarnation incarnation;

    AddressedPeers(Incarnation incarnation) {
      this.incarnation = incarnation;
    }

    private <T> RecipientRef<T> noting(RecipientRef<T> target) {
      return message -> {
        sent.add(new Addressed(incarnation, message));
        target.tell(message);
      };
    }

    @Override
    public RecipientRef<ShardProtocol.Command> shard(int shard) {
      return noting(probes.shard(shard));
    }

    @Override
    public RecipientRef<ExchangeProtocol.Command> exchange(int partition) {
      return noting(probes.exchange(partition));
    }

    @Override
    public RecipientRef<BidderProtocol.Command> bidder(int agent) {
      return noting(probes.bidder(agent));
    }

    @Override
    public RecipientRef<DriverProtocol.Command> driver() {
      return probes.driver();
    }

    @Override
    public Peers at(Incarnation to) {
      return new AddressedPeers(to);
    }
  }

  @BeforeEach
  void start() {
    testKit = ActorTestKit.create("DriverRewindTest", TickActorTest.config());
    journal = PersistenceTestKit.create(testKit.system());
    probes = new ProbePeers(testKit, SCENARIO);
    peers = new AddressedPeers(null);
    observer = testKit.createTestProbe(RunProgress.class);
  }

  @AfterEach
  void stop() {
    testKit.shutdownTestKit();
  }

  /** A Driver whose run has completed ticks 0..2 (checkpoint 1) and sent tick 3. */
  private ActorRef<DriverProtocol.Command> driverInTick3() {
    ActorRef<DriverProtocol.Command> driver = testKit.spawn(Driver.create(SCENARIO, peers, Duration.ofSeconds(60)));
    List.of(NODE_1, NODE_2, NODE_3).forEach(node -> driver.tell(new Driver.MemberJoined(node)));
    driver.tell(new Driver.Start(RUN, RestorePoint.START, observer.ref()));
    for (long t = 0; t < 3; t++) {
      expectTickAtEveryShard(t);
      finishTick(driver, t);
      observer.expectMessageClass(RunProgress.TickFinished.class);
    }
    expectTickAtEveryShard(3);
    return driver;
  }

  private void expectTickAtEveryShard(long tick) {
    for (int k = 0; k < SCENARIO.shards(); k++) {
      assertThat(probes.shardProbe(k).expectMessageClass(ShardProtocol.Tick.class)).isEqualTo(new ShardProtocol.Tick(tick));
    }
  }

  private static void finishTick(ActorRef<DriverProtocol.Command> driver, long tick) {
    for (Participant who : PARTICIPANTS) {
      driver.tell(new TickDone(tick, who, SCENARIO.isCheckpointTick(tick), who.kind() == Participant.Kind.EXCHANGE ? 5 : 0));
    }
  }

  /** Every participant must get a Halt of {@code incarnation}, of its own protocol. */
  private void expectHaltAtEveryParticipant(Incarnation incarnation) {
    for (int k = 0; k < SCENARIO.shards(); k++) {
      assertThat(probes.shardProbe(k).expectMessageClass(ShardProtocol.Halt.class).incarnation()).isEqualTo(incarnation);
    }
    for (int p = 0; p < SCENARIO.partitions(); p++) {
      assertThat(probes.exchangeProbe(p).expectMessageClass(ExchangeProtocol.Halt.class).incarnation()).isEqualTo(incarnation);
    }
    for (int a = 0; a < SCENARIO.agentCount(); a++) {
      assertThat(probes.bidderProbe(a).expectMessageClass(BidderProtocol.Halt.class).incarnation()).isEqualTo(incarnation);
    }
  }

  @Test
  void aLostMemberShouldHaltTheIncarnationThenReRunFromTheLastCheckpointInTheNextOne() {
    // given: tick 3 under way, checkpoint 1 complete
    ActorRef<DriverProtocol.Command> driver = driverInTick3();

    // when a member is lost
    driver.tell(new Driver.MemberLost(NODE_3));

    // then every participant of the first incarnation is told to halt, and no tick starts yet
    expectHaltAtEveryParticipant(FIRST);
    for (Participant who : PARTICIPANTS.subList(1, PARTICIPANTS.size())) {
      driver.tell(new DriverProtocol.Halted(who, FIRST));
    }
    probes.shardProbe(0).expectNoMessage(Duration.ofMillis(300));

    // and once the last one halted, tick 2 (the first after the checkpoint) starts in the next incarnation
    driver.tell(new DriverProtocol.Halted(PARTICIPANTS.get(0), FIRST));
    expectTickAtEveryShard(2);
    assertThat(sent).contains(new Addressed(AFTER_CHECKPOINT_1, new ShardProtocol.Tick(2)));

    // and the re-run of tick 2 is checked against the journal, not journaled twice
    finishTick(driver, 2);
    assertThat(observer.expectMessageClass(RunProgress.TickFinished.class).tick()).isEqualTo(2);
    expectTickAtEveryShard(3);
    finishTick(driver, 3);
    assertThat(observer.expectMessageClass(RunProgress.TickFinished.class).tick()).isEqualTo(3);
    observer.expectMessageClass(RunProgress.RunFinished.class);
    assertThat(journal.persistedInStorage(Driver.PERSISTENCE_ID)).containsExactly(
        RUN, new TickCompleted(0, 10), new TickCompleted(1, 10), new CheckpointCompleted(1),
        new TickCompleted(2, 10), new TickCompleted(3, 10), new CheckpointCompleted(3));
  }

  @Test
  void haltsShouldWaitUntilEveryNodeKnowsTheNewEpoch() {
    // given a node's epoch keeper, registered with the Receptionist
    TestProbe<EpochProtocol.Advance> keeper = testKit.createTestProbe(EpochProtocol.Advance.class);
    testKit.system().receptionist().tell(Receptionist.register(EpochProtocol.KEEPERS, keeper.ref()));
    TestProbe<Receptionist.Listing> listing = testKit.createTestProbe(Receptionist.Listing.class);
    listing.awaitAssert(() -> {
      testKit.system().receptionist().tell(Receptionist.find(EpochProtocol.KEEPERS, listing.ref()));
      assertThat(listing.receiveMessage().getServiceInstances(EpochProtocol.KEEPERS)).contains(keeper.ref());
      return null;
    });
    ActorRef<DriverProtocol.Command> driver = driverInTick3();

    // when a member is lost
    driver.tell(new Driver.MemberLost(NODE_3));

    // then the keeper learns epoch 1 before anyone is halted
    EpochProtocol.Advance advance = keeper.expectMessageClass(EpochProtocol.Advance.class);
    assertThat(advance.epoch()).isEqualTo(1);
    probes.shardProbe(0).expectNoMessage(Duration.ofMillis(300));
    advance.replyTo().tell(new DriverProtocol.EpochAdvanced(1, keeper.ref()));
    expectHaltAtEveryParticipant(FIRST);
  }

  @Test
  void aHaltThatGetsNoAnswerShouldBeSentAgain() {
    // given a rewind where everyone but exchange 1 confirmed
    ActorRef<DriverProtocol.Command> driver = driverInTick3();
    driver.tell(new Driver.MemberLost(NODE_3));
    expectHaltAtEveryParticipant(FIRST);
    Participant silent = new Participant(Participant.Kind.EXCHANGE, 1);
    PARTICIPANTS.stream().filter(p -> !p.equals(silent)).forEach(p -> driver.tell(new DriverProtocol.Halted(p, FIRST)));

    // then only exchange 1 is asked again, within the retry interval
    assertThat(probes.exchangeProbe(1).expectMessageClass(ExchangeProtocol.Halt.class, Duration.ofSeconds(5)).incarnation())
        .isEqualTo(FIRST);
    probes.exchangeProbe(0).expectNoMessage(Duration.ofMillis(1));
    probes.shardProbe(0).expectNoMessage(Duration.ofMillis(1));

    // and its answer resumes the run
    driver.tell(new DriverProtocol.Halted(silent, FIRST));
    expectTickAtEveryShard(2);
  }

  @Test
  void aSecondLossDuringTheRewindShouldAlsoWaitForTheFirstIncarnationAndMoveToAThird() {
    // given a rewind under way
    ActorRef<DriverProtocol.Command> driver = driverInTick3();
    driver.tell(new Driver.MemberLost(NODE_3));
    expectHaltAtEveryParticipant(FIRST);

    // when another member is lost (and the first one's loss is reported again)
    driver.tell(new Driver.MemberLost(NODE_3));
    driver.tell(new Driver.MemberLost(NODE_2));

    // then the first incarnation is still the one to halt, and the run goes on in incarnation 2
    expectHaltAtEveryParticipant(FIRST);
    PARTICIPANTS.forEach(p -> driver.tell(new DriverProtocol.Halted(p, FIRST)));
    expectTickAtEveryShard(2);
    assertThat(sent).contains(new Addressed(new Incarnation(2, 1), new ShardProtocol.Tick(2)));
  }

  @Test
  void aNodeThatJoinsMidRunShouldGetWorkFromTheNextIncarnation() {
    // given
    ActorRef<DriverProtocol.Command> driver = driverInTick3();
    String node4 = "pekko://BidArena@127.0.0.1:25523";

    // when a fourth node comes up and its engine starts
    driver.tell(new Driver.MemberJoined(node4));
    probes.shardProbe(0).expectNoMessage(Duration.ofMillis(200));
    driver.tell(new Driver.NodeStarted(node4));

    // then the run rewinds, so that the next incarnation is placed over four nodes
    expectHaltAtEveryParticipant(FIRST);
    PARTICIPANTS.forEach(p -> driver.tell(new DriverProtocol.Halted(p, FIRST)));
    expectTickAtEveryShard(2);
    assertThat(sent).contains(new Addressed(AFTER_CHECKPOINT_1, new ShardProtocol.Tick(2)));
  }

  @Test
  void membersThatHoldNoEntitiesOfTheRunShouldNotRewindIt() {
    // given
    ActorRef<DriverProtocol.Command> driver = driverInTick3();

    // when a node that was there from the start reports its engine late, and a stranger is lost
    driver.tell(new Driver.NodeStarted(NODE_2));
    driver.tell(new Driver.MemberLost("pekko://BidArena@127.0.0.1:25599"));

    // then the tick under way goes on
    probes.shardProbe(0).expectNoMessage(Duration.ofMillis(300));
    probes.exchangeProbe(0).expectNoMessage(Duration.ofMillis(1));
    finishTick(driver, 3);
    assertThat(observer.expectMessageClass(RunProgress.TickFinished.class).tick()).isEqualTo(3);
  }

  @Test
  void aMemberUpAtTheStartShouldNotRewindWhenItsEventsArriveLate() {
    // given a run started with two members up, before the Driver heard of them itself
    ActorRef<DriverProtocol.Command> driver = testKit.spawn(Driver.create(SCENARIO, peers, Duration.ofSeconds(60)));
    driver.tell(new Driver.Start(RUN, RestorePoint.START, observer.ref(), new String[] {NODE_1, NODE_2}));
    expectTickAtEveryShard(0);

    // when their up events and engine reports come in
    driver.tell(new Driver.MemberJoined(NODE_2));
    driver.tell(new Driver.NodeStarted(NODE_2));

    // then nothing is halted, and tick 0 goes on
    probes.exchangeProbe(0).expectNoMessage(Duration.ofMillis(300));
    finishTick(driver, 0);
    expectTickAtEveryShard(1);

    // but losing one of them does rewind the run
    driver.tell(new Driver.MemberLost(NODE_2));
    expectHaltAtEveryParticipant(FIRST);
  }

  @Test
  void aMemberLostBeforeTheRunStartsShouldChangeNothing() {
    // given
    ActorRef<DriverProtocol.Command> driver = testKit.spawn(Driver.create(SCENARIO, peers, Duration.ofSeconds(60)));

    // when
    driver.tell(new Driver.MemberLost(NODE_3));
    driver.tell(new Driver.Start(RUN, RestorePoint.START, observer.ref()));

    // then the run starts normally in the first incarnation
    expectTickAtEveryShard(0);
    assertThat(sent).contains(new Addressed(FIRST, new ShardProtocol.Tick(0)));
    probes.exchangeProbe(0).expectNoMessage(Duration.ofMillis(200));
  }
}
