package org.bidarena.core.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.LoggingTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.journal.JournaledAhead;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.Batches;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Incarnation;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.testing.ProbePeers;
import org.bidarena.core.testing.TickActorTest;
import org.junit.jupiter.api.Test;

/** The batch protocol of one CustomerShard, with probes for the exchange, the bidders and the Driver. */
class CustomerShardTest extends TickActorTest {
  /** 40 customers in 4 shards of 10, 2 partitions, 4 ticks a day, a checkpoint after ticks 1 and 3. */
  private static final Scenario SCENARIO = ProbePeers.smallMarket(1, "a{strategy=fixed},b{strategy=aggressive},c{strategy=conservative}");

  private static final int SHARD = 3;
  private static final Participant SELF = new Participant(Participant.Kind.SHARD, SHARD);
  private static final String PID = PersistenceId.of(EntityKeys.SHARD.name(), Integer.toString(SHARD)).id();

  CustomerShardTest() {
    super(SCENARIO);
  }

  private ActorRef<ShardProtocol.Command> spawn(RestorePoint restorePoint) {
    return spawn(CustomerShard.create(SCENARIO, SHARD, restorePoint, peers));
  }

  private TestProbe<ExchangeProtocol.Command> exchange() {
    return peers.exchangeProbe(SCENARIO.partitionOf(SHARD));
  }

  /** Winners cycling through every agent and "unsold", so the outcomes depend on each entry. */
  private static byte[] winners(int visits, int shift) {
    byte[] w = new byte[visits];
    for (int i = 0; i < visits; i++) {
      w[i] = (byte) ((i + shift) % (SCENARIO.agentCount() + 1) - 1);
    }
    return w;
  }

  /** One whole tick: Tick, Visits to the exchange, Impressions, Outcomes to the bidders, TickDone. */
  private TickResult runTick(ActorRef<ShardProtocol.Command> shard, long tick, int shift) {
    shard.tell(new ShardProtocol.Tick(tick));
    ExchangeProtocol.Visits visits = exchange().expectMessageClass(ExchangeProtocol.Visits.class);
    assertThat(visits.tick()).isEqualTo(tick);
    shard.tell(Batches.impressions(tick, winners(visits.batch().size(), shift)));
    List<BidderProtocol.Outcomes> outcomes = new ArrayList<>();
    for (int a = 0; a < SCENARIO.agentCount(); a++) {
      outcomes.add(peers.bidderProbe(a).expectMessageClass(BidderProtocol.Outcomes.class));
    }
    DriverProtocol.TickDone done = peers.driverProbe().expectMessageClass(DriverProtocol.TickDone.class);
    return new TickResult(visits, outcomes, done);
  }

  private record TickResult(ExchangeProtocol.Visits visits, List<BidderProtocol.Outcomes> outcomes, DriverProtocol.TickDone done) {}

  @Test
  void tickShouldSendOneVisitBatchOfTheShardsOwnCustomersInIdOrderToItsPartition() {
    // given
    ActorRef<ShardProtocol.Command> shard = spawn(RestorePoint.START);

    // when
    shard.tell(new ShardProtocol.Tick(0));

    // then
    ExchangeProtocol.Visits visits = exchange().expectMessageClass(ExchangeProtocol.Visits.class);
    assertThat(visits.tick()).isZero();
    assertThat(visits.shard()).isEqualTo(SHARD);
    VisitBatch batch = visits.batch();
    assertThat(batch.size()).isPositive();
    assertThat(batch.customers()).isSorted().doesNotHaveDuplicates();
    assertThat(batch.customers()[0]).isGreaterThanOrEqualTo(SCENARIO.firstCustomer(SHARD));
    assertThat(batch.customers()[batch.size() - 1]).isLessThan(SCENARIO.firstCustomer(SHARD + 1));
    assertThat(batch.stages()).hasSize(batch.size());
    assertThat(batch.memoryStart()).hasSize(batch.size() + 1).isSorted();
    assertThat(batch.memoryFrequencyToday()).hasSize(batch.memoryRows());
    // exactly one batch, and only to the shard's own partition
    exchange().expectNoMessage(Duration.ofMillis(200));
    peers.exchangeProbe(1 - SCENARIO.partitionOf(SHARD)).expectNoMessage(Duration.ofMillis(1));
    peers.driverProbe().expectNoMessage(Duration.ofMillis(1));
    assertThat(journal.persistedInStorage(PID)).isEmpty();
  }

  @Test
  void impressionsShouldSendOutcomesToEveryAgentThenTickDoneAndJournalOneOutcomesRecorded() {
    // given
    ActorRef<ShardProtocol.Command> shard = spawn(RestorePoint.START);

    // when
    TickResult tick0 = runTick(shard, 0, 0);

    // then
    for (int a = 0; a < SCENARIO.agentCount(); a++) {
      BidderProtocol.Outcomes o = tick0.outcomes().get(a);
      assertThat(o.tick()).isZero();
      assertThat(o.shard()).isEqualTo(SHARD);
    }
    assertThat(tick0.done()).isEqualTo(new DriverProtocol.TickDone(0, SELF, false, 0));
    List<Object> events = journal.persistedInStorage(PID);
    assertThat(events).hasSize(1);
    OutcomesRecorded recorded = (OutcomesRecorded) events.get(0);
    assertThat(recorded.tick()).isZero();
    assertThat(recorded.shard()).isEqualTo(SHARD);
    assertThat(recorded.outcomes().visits()).isEqualTo(tick0.visits().batch().size());
    long sold = 0;
    for (byte w : winners(tick0.visits().batch().size(), 0)) {
      sold += w >= 0 ? 1 : 0;
    }
    assertThat(recorded.outcomes().impressions()).isEqualTo(sold);
    // what the bidders were told is what was journaled, agent by agent
    for (int a = 0; a < SCENARIO.agentCount(); a++) {
      BidderProtocol.Outcomes o = tick0.outcomes().get(a);
      assertThat(o.count(BidderProtocol.Outcomes.CLICK)).isEqualTo(recorded.outcomes().clicks(a));
      assertThat(o.count(BidderProtocol.Outcomes.PURCHASE)).isEqualTo(recorded.outcomes().conversions(a));
      assertThat(o.revenueMicros()).isEqualTo(recorded.outcomes().revenueMicros(a));
      for (int r = 0; r < o.auctionIds().length; r++) {
        assertThat(o.auctionIds()[r]).as("each row names its auction").isNotNegative();
      }
    }
    assertThat(snapshots.persistedInStorage(PID)).isEmpty();
  }

  @Test
  void haltShouldWaitForTheTicksWriteThenConfirmAndStopTheShard() {
    // given a tick whose impressions are being journaled
    ActorRef<ShardProtocol.Command> shard = spawn(RestorePoint.START);
    shard.tell(new ShardProtocol.Tick(0));
    ExchangeProtocol.Visits visits = exchange().expectMessageClass(ExchangeProtocol.Visits.class);
    shard.tell(Batches.impressions(0, winners(visits.batch().size(), 0)));
    Incarnation incarnation = new Incarnation(3, -1);

    // when the Halt comes right behind them
    shard.tell(new ShardProtocol.Halt(incarnation));

    // then the tick is finished and journaled first, then the halt is confirmed and the shard stops
    assertThat(peers.driverProbe().expectMessageClass(DriverProtocol.TickDone.class).tick()).isZero();
    assertThat(peers.driverProbe().expectMessageClass(DriverProtocol.Halted.class))
        .isEqualTo(new DriverProtocol.Halted(SELF, incarnation));
    testKit.createTestProbe().expectTerminated(shard);
    assertThat(journal.persistedInStorage(PID)).hasSize(1);
  }

  @Test
  void tickOutOfOrderShouldReportTickFailed() {
    // given
    ActorRef<ShardProtocol.Command> shard = spawn(RestorePoint.START);

    // when
    shard.tell(new ShardProtocol.Tick(1));

    // then
    DriverProtocol.TickFailed failed = peers.driverProbe().expectMessageClass(DriverProtocol.TickFailed.class);
    assertThat(failed.tick()).isEqualTo(1);
    assertThat(failed.who()).isEqualTo(SELF);
    assertThat(failed.reason()).contains("tick 1");
    exchange().expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void impressionsWithoutVisitsShouldReportTickFailed() {
    // given
    ActorRef<ShardProtocol.Command> shard = spawn(RestorePoint.START);

    // when
    shard.tell(Batches.impressions(0, new byte[0]));

    // then
    DriverProtocol.TickFailed failed = peers.driverProbe().expectMessageClass(DriverProtocol.TickFailed.class);
    assertThat(failed.tick()).isZero();
    assertThat(failed.who()).isEqualTo(SELF);
    assertThat(journal.persistedInStorage(PID)).isEmpty();
  }

  @Test
  void checkpointTickShouldReportTickDoneWithCheckpointSavedAfterTheSnapshot() {
    // given
    assertThat(SCENARIO.isCheckpointTick(0)).isFalse();
    assertThat(SCENARIO.isCheckpointTick(1)).isTrue();
    ActorRef<ShardProtocol.Command> shard = spawn(RestorePoint.START);
    runTick(shard, 0, 0);

    // when
    TickResult tick1 = runTick(shard, 1, 1);

    // then
    assertThat(tick1.done()).isEqualTo(new DriverProtocol.TickDone(1, SELF, true, 0));
    assertThat(snapshots.persistedInStorage(PID)).hasSize(1);
    assertThat(snapshots.persistedInStorage(PID).get(0).first().sequenceNr())
        .isEqualTo(RestorePoint.sequenceNrOf(1));
    peers.driverProbe().expectNoMessage(Duration.ofMillis(100));
    assertThat(journal.persistedInStorage(PID)).hasSize(2);
  }

  @Test
  void restartAtCheckpointShouldReproduceTheReRunTicksWithoutJournalingThemAgain() {
    // given: ticks 0..3 run, the checkpoint of tick 1 is the restore point
    ActorRef<ShardProtocol.Command> first = spawn(RestorePoint.START);
    List<TickResult> original = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      original.add(runTick(first, t, t));
    }
    assertThat(journal.persistedInStorage(PID)).hasSize(4);
    stop(first);

    // when: a new incarnation restores tick 1 and re-runs ticks 2 and 3 with the same impressions
    ActorRef<ShardProtocol.Command> second = spawn(new RestorePoint(1));
    List<TickResult> rerun = List.of(runTick(second, 2, 2), runTick(second, 3, 3));

    // then
    for (int i = 0; i < 2; i++) {
      TickResult before = original.get(2 + i);
      TickResult after = rerun.get(i);
      assertThat(after.visits().batch().customers()).containsExactly(before.visits().batch().customers());
      assertThat(after.visits().batch().stages()).containsExactly(before.visits().batch().stages());
      assertThat(after.visits().batch()).usingRecursiveComparison().isEqualTo(before.visits().batch());
      assertThat(after.outcomes()).usingRecursiveComparison().isEqualTo(before.outcomes());
      assertThat(after.done()).isEqualTo(new DriverProtocol.TickDone(2 + i, SELF, false, 0));
    }
    assertThat(original.get(3).done().checkpointSaved()).isTrue();
    assertThat(journal.persistedInStorage(PID)).hasSize(4);
    assertThat(snapshots.persistedInStorage(PID)).hasSize(2);

    // and the tick after the journaled ones is new: it is journaled
    runTick(second, 4, 4);
    assertThat(journal.persistedInStorage(PID)).hasSize(5);
    assertThat(((OutcomesRecorded) journal.persistedInStorage(PID).get(4)).tick()).isEqualTo(4);
  }

  @Test
  void reRunWithDifferentImpressionsThanJournaledShouldStopTheShard() {
    // given
    ActorRef<ShardProtocol.Command> first = spawn(RestorePoint.START);
    for (int t = 0; t < 3; t++) {
      runTick(first, t, t);
    }
    stop(first);
    ActorRef<ShardProtocol.Command> second = spawn(new RestorePoint(1));
    TestProbe<Object> watcher = testKit.createTestProbe();

    // when: tick 2 is re-run with nothing sold, though the journal says impressions were sold
    second.tell(new ShardProtocol.Tick(2));
    ExchangeProtocol.Visits visits = exchange().expectMessageClass(ExchangeProtocol.Visits.class);
    byte[] unsold = new byte[visits.batch().size()];
    java.util.Arrays.fill(unsold, (byte) -1);
    assertThat(winners(visits.batch().size(), 2)).isNotEqualTo(unsold);
    LoggingTestKit.error(JournaledAhead.DeterminismViolation.class)
        .withMessageContains("shard-3 re-ran tick 2")
        .expect(testKit.system(), () -> {
          second.tell(Batches.impressions(2, unsold));
          return null;
        });

    // then
    watcher.expectTerminated(second);
    peers.driverProbe().expectNoMessage(Duration.ofMillis(100));
    for (int a = 0; a < SCENARIO.agentCount(); a++) {
      peers.bidderProbe(a).expectNoMessage(Duration.ofMillis(1));
    }
    assertThat(journal.persistedInStorage(PID)).hasSize(3);
  }

  @Test
  void restoreFromACheckpointThatWasNeverTakenShouldReportTickFailed() {
    // given: only tick 0 ran, so there is no snapshot of tick 1
    ActorRef<ShardProtocol.Command> first = spawn(RestorePoint.START);
    runTick(first, 0, 0);
    stop(first);

    // when
    spawn(new RestorePoint(1));

    // then
    DriverProtocol.TickFailed failed = peers.driverProbe().expectMessageClass(DriverProtocol.TickFailed.class);
    assertThat(failed.who()).isEqualTo(SELF);
    assertThat(failed.tick()).isEqualTo(2);
    assertThat(failed.reason()).contains("no snapshot");
  }
}
