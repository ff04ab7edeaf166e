package org.bidarena.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bidarena.core.TestScenarios.TICKS_PER_DAY;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bidarena.core.TestScenarios;
import org.bidarena.core.protocol.Batches;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.CustomerModelSpec;
import org.bidarena.core.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CustomerModelTest {
  private static final int DAY = TICKS_PER_DAY;
  /** A tick in the middle of day 5: not a day's first tick, and long after the initial memories. */
  private static final long MID_DAY = 5L * DAY + 7;
  /** The index of the agent whose ads the tests show; the default scenario has six agents. */
  private static final int AGENT = 2;
  private static final int OTHER_AGENT = 4;

  /** A model and shard 0's customers (all of them: the test scenarios have one shard). */
  private record Fixture(Scenario scenario, SeededStreams streams, CustomerModel model, CustomerBucket bucket) {
    CustomerModelSpec spec() {
      return scenario.customers();
    }

    /** Everyone visits (the certain settings) and sees {@code agent}'s ad. */
    ShardOutcomes showEveryone(long tick, int agent) {
      VisitBatch visits = model.visits(bucket, tick);
      assertThat(visits.size()).as("every customer visits").isEqualTo(bucket.size);
      byte[] winners = new byte[visits.size()];
      Arrays.fill(winners, (byte) agent);
      return model.respond(bucket, tick, visits, Batches.impressions(tick, winners));
    }

    /** Sets customer row i's stage, entered (and last engaged) at {@code since}. */
    void place(int i, Stage stage, int since) {
      bucket.stage[i] = stage.code();
      bucket.stageSince[i] = since;
      bucket.lastEngaged[i] = since;
    }

    void placeAll(Stage stage, int since) {
      for (int i = 0; i < bucket.size; i++) {
        place(i, stage, since);
      }
    }

    double click(int i, long tick) {
      return streams.uniform(SeededStreams.Stream.CLICK, bucket.firstCustomer + i, tick);
    }
  }

  private static Fixture fixture(Scenario scenario) {
    SeededStreams streams = new SeededStreams(scenario.seed());
    CustomerModel model = new CustomerModel(scenario, streams);
    return new Fixture(scenario, streams, model, model.initialBucket(0));
  }

  /** Certain settings (see {@link TestScenarios#certain}) with {@code overrides}. */
  private static Fixture certain(String... overrides) {
    return fixture(TestScenarios.certainSmall(7, overrides));
  }

  private static int[] columnOf(CustomerBucket b, int agent, byte[] perAgent) {
    int[] out = new int[b.size];
    for (int i = 0; i < b.size; i++) {
      out[i] = perAgent[i * b.agents + agent];
    }
    return out;
  }

  private static Set<Integer> clickers(ShardOutcomes o) {
    Set<Integer> out = new HashSet<>();
    for (int r = 0; r < o.rows(); r++) {
      if ((o.kinds()[r] & ShardOutcomes.CLICK) != 0) {
        out.add(o.customers()[r]);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- initial stages

  @ParameterizedTest
  @EnumSource(Stage.class)
  void initialBucketShouldPutEveryCustomerInTheOnlyStageOfTheMix(Stage stage) {
    // given
    Fixture f = fixture(TestScenarios.small(3, TestScenarios.allStartIn(stage.key())));

    // when
    int[] counts = f.bucket().stageCounts();

    // then
    int[] expected = new int[Stage.COUNT];
    expected[stage.ordinal()] = f.scenario().customers().count();
    assertThat(counts).containsExactly(expected);
  }

  @Test
  void initialBucketShouldFollowTheDefaultMixOverManyCustomers() {
    // given
    Fixture f = fixture(TestScenarios.small(11, "customers.count=20000"));

    // when
    int[] counts = f.bucket().stageCounts();

    // then
    int n = f.bucket().size;
    assertThat(n).isEqualTo(20_000);
    for (Stage s : Stage.values()) {
      assertThat((double) counts[s.ordinal()] / n).as(s.key())
          .isCloseTo(f.spec().initialMix().get(s), within(0.015));
    }
  }

  @Test
  void initialBucketShouldStartWithNoClicksNoExposuresAndEngagementBeforeTheRun() {
    // given
    Fixture f = fixture(TestScenarios.small(5));

    // when
    CustomerBucket b = f.bucket();

    // then
    assertThat(b.tick).isEqualTo(-1);
    assertThat(b.agents).isEqualTo(f.scenario().agentCount());
    for (int i = 0; i < b.size; i++) {
      assertThat(b.lastClickAgent[i]).isEqualTo(-1);
      assertThat(b.lastEngaged[i]).isBetween(-3 * DAY, -1);
      assertThat(b.stageSince[i]).isEqualTo(b.lastEngaged[i]);
      assertThat(b.lifetimeValueMicros[i]).isZero();
    }
    assertThat(Arrays.stream(b.lastEngaged).distinct().count()).as("engagement is spread").isGreaterThan(DAY);
    assertThat(b.exposuresToday).containsOnly(0);
    assertThat(b.recentExposures).containsOnly(0);
  }

  @Test
  void initialBucketShouldGiveEachShardItsContiguousSliceOfCustomers() {
    // given
    Scenario s = TestScenarios.small(5, "customers.shards=4");
    CustomerModel model = new CustomerModel(s, new SeededStreams(s.seed()));
    Scenario oneShard = TestScenarios.small(5);
    CustomerBucket whole = new CustomerModel(oneShard, new SeededStreams(oneShard.seed())).initialBucket(0);

    // when / then
    int next = 0;
    for (int shard = 0; shard < 4; shard++) {
      CustomerBucket b = model.initialBucket(shard);
      assertThat(b.firstCustomer).isEqualTo(next);
      // a customer's initial state depends on its id only, not on how customers are sharded
      assertThat(b.stage).containsExactly(Arrays.copyOfRange(whole.stage, next, next + b.size));
      next += b.size;
    }
    assertThat(next).isEqualTo(s.customers().count());
  }

  // ---------------------------------------------------------------- visits

  @Test
  void visitsShouldBeTheSameForTheSameSeedAndTick() {
    // given
    Scenario s = TestScenarios.small(21, "customers.count=2000");
    Fixture a = fixture(s);
    Fixture b = fixture(s);

    // when
    VisitBatch first = a.model().visits(a.bucket(), MID_DAY);
    VisitBatch second = b.model().visits(b.bucket(), MID_DAY);

    // then
    assertThat(first.size()).isPositive();
    assertThat(second.customers()).containsExactly(first.customers());
    assertThat(second.stages()).containsExactly(first.stages());
    assertThat(second.memoryStart()).containsExactly(first.memoryStart());
    assertThat(second.memoryAgent()).containsExactly(first.memoryAgent());
    assertThat(second.memoryFrequencyToday()).containsExactly(first.memoryFrequencyToday());
    assertThat(second.memoryLastClickTick()).containsExactly(first.memoryLastClickTick());
  }

  @Test
  void visitsShouldDifferForAnotherSeedAndAnotherTick() {
    // given
    Fixture f = fixture(TestScenarios.small(21, "customers.count=2000", TestScenarios.allStartIn("interest")));
    Fixture g = fixture(TestScenarios.small(22, "customers.count=2000", TestScenarios.allStartIn("interest")));

    // when
    VisitBatch base = f.model().visits(f.bucket(), MID_DAY);
    VisitBatch otherSeed = g.model().visits(g.bucket(), MID_DAY);
    VisitBatch nextDay = f.model().visits(f.bucket(), MID_DAY + DAY);

    // then
    assertThat(otherSeed.customers()).isNotEqualTo(base.customers());
    assertThat(nextDay.customers()).isNotEqualTo(base.customers());
  }

  @Test
  void visitsShouldListVisitorsInIdOrderWithoutChangingTheBucket() {
    // given
    Fixture f = fixture(TestScenarios.small(8, "customers.count=2000"));
    CustomerBucket before = f.bucket().copy();

    // when
    VisitBatch v = f.model().visits(f.bucket(), MID_DAY);

    // then
    assertThat(v.customers()).isSorted().doesNotHaveDuplicates();
    assertThat(f.bucket()).isEqualTo(before);
  }

  @Test
  void visitsShouldAverageVisitsPerDayOverTicksPerDay() {
    // given
    double perDay = 6.0;
    Fixture f = fixture(TestScenarios.small(
        31, "customers.count=2000", "customers.diurnal-amplitude=0",
        "customers.visits-per-day=" + TestScenarios.perStage(perDay)));
    int ticks = 2 * DAY;

    // when
    long visits = 0;
    for (long t = 0; t < ticks; t++) {
      visits += f.model().visits(f.bucket(), t).size();
    }

    // then
    double rate = (double) visits / ((long) ticks * f.bucket().size);
    assertThat(rate).isCloseTo(perDay / DAY, within(0.01));
  }

  @Test
  void visitsShouldFollowEachStagesVisitsPerDay() {
    // given
    Fixture f = fixture(TestScenarios.small(
        32, "customers.count=2000", "customers.diurnal-amplitude=0",
        "customers.initial-mix={ awareness = 0.5, interest = 0, consideration = 0.5, purchase = 0, retention = 0,"
            + " churn-risk = 0 }",
        "customers.visits-per-day.awareness=2", "customers.visits-per-day.consideration=12"));
    int[] counts = f.bucket().stageCounts();

    // when
    long[] visitsByStage = new long[Stage.COUNT];
    for (long t = 0; t < 2 * DAY; t++) {
      for (byte stage : f.model().visits(f.bucket(), t).stages()) {
        visitsByStage[stage]++;
      }
    }

    // then
    for (Stage s : List.of(Stage.AWARENESS, Stage.CONSIDERATION)) {
      double rate = (double) visitsByStage[s.ordinal()] / (2.0 * DAY * counts[s.ordinal()]);
      assertThat(rate).as(s.key()).isCloseTo(f.spec().visitsPerDay().get(s) / DAY, within(0.015));
    }
  }

  @Test
  void visitsShouldPeakAtThePeakHourAndDipTwelveHoursLater() {
    // given
    double perDay = 6.0;
    double amplitude = 0.5;
    Fixture f = fixture(TestScenarios.small(
        33, "customers.count=2000", "customers.diurnal-amplitude=" + amplitude, "customers.peak-hour=20",
        "customers.visits-per-day=" + TestScenarios.perStage(perDay)));
    int peakTick = 20 * DAY / 24;
    int troughTick = 8 * DAY / 24;

    // when
    long peak = 0;
    long trough = 0;
    int days = 5;
    for (int d = 0; d < days; d++) {
      peak += f.model().visits(f.bucket(), (long) d * DAY + peakTick).size();
      trough += f.model().visits(f.bucket(), (long) d * DAY + troughTick).size();
    }

    // then
    double draws = (double) days * f.bucket().size;
    assertThat(peak / draws).isCloseTo(perDay / DAY * (1 + amplitude), within(0.02));
    assertThat(trough / draws).isCloseTo(perDay / DAY * (1 - amplitude), within(0.02));
  }

  @Test
  void visitsShouldCopyEachVisitorsStageAndTodaysExposuresPerAgent() {
    // given
    Fixture f = certain();
    CustomerBucket b = f.bucket();
    for (int i = 0; i < b.size; i++) {
      f.place(i, Stage.of(i % Stage.COUNT), 0);
      for (int a = 0; a < b.agents; a++) {
        b.exposuresToday[i * b.agents + a] = (byte) ((i + 3 * a) % 9);
      }
    }

    // when
    VisitBatch v = f.model().visits(b, MID_DAY);

    // then
    assertThat(v.size()).isEqualTo(b.size);
    for (int r = 0; r < v.size(); r++) {
      int i = v.customers()[r] - b.firstCustomer;
      assertThat(v.stages()[r]).isEqualTo(b.stage[i]);
      for (int a = 0; a < b.agents; a++) {
        assertThat(Batches.frequency(v, r, a)).isEqualTo(b.exposuresToday[i * b.agents + a]);
      }
    }
  }

  @Test
  void visitsShouldGiveOnlyTheClickedAgentItsLastClickTick() {
    // given
    Fixture f = certain("customers.conversion.attribution-window-days=1");
    CustomerBucket b = f.bucket();
    int window = f.spec().attributionWindowDays() * DAY;
    b.lastClickAgent[0] = AGENT;
    b.lastClickTick[0] = (int) MID_DAY - (window - 1);
    b.lastClickAgent[1] = AGENT;
    b.lastClickTick[1] = (int) MID_DAY - window;
    b.lastClickAgent[2] = OTHER_AGENT;
    b.lastClickTick[2] = (int) MID_DAY;

    // when
    VisitBatch v = f.model().visits(b, MID_DAY);

    // then: the bidder judges the window itself from the tick
    assertThat(Batches.lastClickAgent(v, 0)).isEqualTo(AGENT);
    assertThat(v.memoryLastClickTick()[Batches.memoryRow(v, 0, AGENT)]).isEqualTo(b.lastClickTick[0]);
    assertThat(v.memoryLastClickTick()[Batches.memoryRow(v, 1, AGENT)]).isEqualTo(b.lastClickTick[1]);
    assertThat(Batches.lastClickAgent(v, 2)).isEqualTo(OTHER_AGENT);
    assertThat(Batches.memoryRow(v, 2, AGENT)).as("no memory of an agent never seen").isEqualTo(-1);
    assertThat(Batches.lastClickAgent(v, 3)).as("never clicked").isEqualTo(-1);
  }

  // ---------------------------------------------------------------- clicks, purchases and stage moves

  @ParameterizedTest
  @CsvSource({"AWARENESS, INTEREST", "INTEREST, CONSIDERATION", "CHURN_RISK, CONSIDERATION"})
  void respondShouldMoveAClickerAlongTheFunnel(Stage from, Stage to) {
    // given
    Fixture f = certain(
        "customers.ctr.base=1", "customers.transitions.click-to-interest=1",
        "customers.transitions.click-to-consideration=1",
        "customers.transitions.churn-risk-click-to-consideration=1");
    f.placeAll(from, 0);

    // when
    f.showEveryone(MID_DAY, AGENT);

    // then
    CustomerBucket b = f.bucket();
    assertThat(b.stageCounts()[to.ordinal()]).isEqualTo(b.size);
    assertThat(b.stageSince).containsOnly((int) MID_DAY);
  }

  @ParameterizedTest
  @EnumSource(value = Stage.class, names = {"CONSIDERATION", "PURCHASE", "RETENTION"})
  void respondShouldKeepAClickerInAStageThatNoClickTransitionLeaves(Stage stage) {
    // given
    Fixture f = certain(
        "customers.ctr.base=1", "customers.transitions.click-to-interest=1",
        "customers.transitions.click-to-consideration=1",
        "customers.transitions.churn-risk-click-to-consideration=1");
    f.placeAll(stage, 0);

    // when
    ShardOutcomes o = f.showEveryone(MID_DAY, AGENT);

    // then
    assertThat(o.clicks(AGENT)).isEqualTo(f.bucket().size);
    assertThat(f.bucket().stageCounts()[stage.ordinal()]).isEqualTo(f.bucket().size);
    assertThat(f.bucket().stageSince).containsOnly(0);
  }

  @Test
  void respondShouldKeepAClickerInAwarenessWhenClickToInterestIsZero() {
    // given
    Fixture f = certain("customers.ctr.base=1");
    f.placeAll(Stage.AWARENESS, 0);

    // when
    ShardOutcomes o = f.showEveryone(MID_DAY, AGENT);

    // then
    assertThat(o.clicks(AGENT)).isEqualTo(f.bucket().size);
    assertThat(f.bucket().stageCounts()[Stage.AWARENESS.ordinal()]).isEqualTo(f.bucket().size);
  }

  @Test
  void respondShouldRecordEachClickAndRememberItForTheClickedAgent() {
    // given
    Fixture f = certain("customers.ctr.base=1");
    f.placeAll(Stage.INTEREST, 0);
    CustomerBucket b = f.bucket();

    // when
    ShardOutcomes o = f.showEveryone(MID_DAY, AGENT);

    // then
    assertThat(o.rows()).isEqualTo(b.size);
    assertThat(o.agents()).containsOnly(AGENT);
    assertThat(o.kinds()).containsOnly(ShardOutcomes.CLICK);
    assertThat(o.revenueMicros()).containsOnly(0L);
    assertThat(o.customers()).isSorted().doesNotHaveDuplicates();
    assertThat(b.lastClickAgent).containsOnly(AGENT);
    assertThat(b.lastClickTick).containsOnly((int) MID_DAY);
    assertThat(b.lastEngaged).containsOnly((int) MID_DAY);
  }

  @Test
  void respondShouldMoveABuyerToPurchaseAndAddTheOrderToLifetimeValue() {
    // given
    Fixture f = certain("customers.ctr.base=1", "customers.conversion.base=1");
    f.placeAll(Stage.CONSIDERATION, 0);
    CustomerBucket b = f.bucket();
    long earlier = 1_500_000;
    Arrays.fill(b.lifetimeValueMicros, earlier);

    // when
    ShardOutcomes o = f.showEveryone(MID_DAY, AGENT);

    // then
    assertThat(o.rows()).isEqualTo(b.size);
    assertThat(o.kinds()).containsOnly((byte) (ShardOutcomes.CLICK | ShardOutcomes.PURCHASE));
    assertThat(o.conversions(AGENT)).isEqualTo(b.size);
    assertThat(b.stageCounts()[Stage.PURCHASE.ordinal()]).isEqualTo(b.size);
    assertThat(b.stageSince).containsOnly((int) MID_DAY);
    assertThat(b.lastEngaged).containsOnly((int) MID_DAY);
    for (int r = 0; r < o.rows(); r++) {
      int i = o.customers()[r] - b.firstCustomer;
      assertThat(o.revenueMicros()[r]).isPositive();
      assertThat(b.lifetimeValueMicros[i]).isEqualTo(earlier + o.revenueMicros()[r]);
    }
  }

  @Test
  void purchasesShouldAverageTheOrderValueMean() {
    // given
    Fixture f = certain("customers.count=5000", "customers.ctr.base=1", "customers.conversion.base=1");
    f.placeAll(Stage.CONSIDERATION, 0);

    // when
    ShardOutcomes o = f.showEveryone(MID_DAY, AGENT);

    // then
    assertThat(o.conversions(AGENT)).isEqualTo(5000);
    double mean = (double) o.revenueMicros(AGENT) / o.conversions(AGENT);
    double expected = f.spec().orderValueMeanMicros();
    assertThat(mean).isCloseTo(expected, within(0.03 * expected));
    assertThat(Arrays.stream(o.revenueMicros()).distinct().count()).as("values vary").isGreaterThan(1000);
  }

  @Test
  void respondShouldMoveAnExposedAwareCustomerToInterestWithoutAClick() {
    // given
    Fixture f = certain("customers.transitions.exposure-to-interest=1");
    f.placeAll(Stage.AWARENESS, 0);
    CustomerBucket b = f.bucket();
    VisitBatch visits = f.model().visits(b, MID_DAY);
    byte[] winners = new byte[visits.size()];
    for (int v = 0; v < winners.length; v++) {
      winners[v] = (byte) (v % 2 == 0 ? AGENT : -1);
    }

    // when
    ShardOutcomes o = f.model().respond(b, MID_DAY, visits, Batches.impressions(MID_DAY, winners));

    // then
    assertThat(o.rows()).isZero();
    for (int v = 0; v < winners.length; v++) {
      Stage expected = winners[v] >= 0 ? Stage.INTEREST : Stage.AWARENESS;
      assertThat(Stage.of(b.stage[visits.customers()[v] - b.firstCustomer])).isEqualTo(expected);
    }
  }

  @Test
  void respondShouldNotMoveOtherStagesOnExposure() {
    // given
    Fixture f = certain("customers.transitions.exposure-to-interest=1");
    f.placeAll(Stage.CONSIDERATION, 0);

    // when
    f.showEveryone(MID_DAY, AGENT);

    // then
    assertThat(f.bucket().stageCounts()[Stage.CONSIDERATION.ordinal()]).isEqualTo(f.bucket().size);
  }

  @Test
  void respondShouldChangeNothingForAVisitorWhoSawNoAd() {
    // given
    Fixture f = certain(
        "customers.ctr.base=1", "customers.conversion.base=1", "customers.transitions.exposure-to-interest=1");
    f.placeAll(Stage.AWARENESS, 0);
    CustomerBucket b = f.bucket();
    VisitBatch visits = f.model().visits(b, MID_DAY);
    byte[] winners = new byte[visits.size()];
    Arrays.fill(winners, (byte) -1);
    CustomerBucket before = b.copy();

    // when
    ShardOutcomes o = f.model().respond(b, MID_DAY, visits, Batches.impressions(MID_DAY, winners));

    // then
    assertThat(o.rows()).isZero();
    assertThat(o.impressions()).isZero();
    before.tick = MID_DAY;
    assertThat(b).isEqualTo(before);
  }

  // ---------------------------------------------------------------- the daily sweep

  private static int daysFor(CustomerModelSpec.Transitions t, Stage from) {
    return switch (from) {
      case PURCHASE -> t.purchaseToRetentionDays();
      case RETENTION -> t.retentionToChurnRiskDays();
      case CHURN_RISK -> t.churnRiskToAwarenessDays();
      case INTEREST -> t.interestCooldownDays();
      case CONSIDERATION -> t.considerationCooldownDays();
      case AWARENESS -> throw new IllegalArgumentException("awareness does not time out");
    };
  }

  @ParameterizedTest
  @CsvSource({
    "PURCHASE, RETENTION", "RETENTION, CHURN_RISK", "CHURN_RISK, AWARENESS", "INTEREST, AWARENESS",
    "CONSIDERATION, INTEREST"})
  void startTickShouldMoveACustomerWhoseTimeIsUpAtADaysFirstTick(Stage from, Stage to) {
    // given
    Fixture f = certain();
    int now = 20 * DAY;
    int days = daysFor(f.spec().transitions(), from);
    assertThat(days).as("a non-trivial setting").isPositive();
    f.place(0, from, now - days * DAY);
    f.place(1, from, now - days * DAY + 1);

    // when
    f.model().startTick(f.bucket(), now);

    // then
    CustomerBucket b = f.bucket();
    assertThat(Stage.of(b.stage[0])).isEqualTo(to);
    assertThat(b.stageSince[0]).isEqualTo(now);
    assertThat(Stage.of(b.stage[1])).as("one tick short").isEqualTo(from);
    assertThat(b.stageSince[1]).isEqualTo(now - days * DAY + 1);
  }

  @Test
  void startTickShouldMoveAPurchaserToRetentionEvenAfterALaterClick() {
    // given
    Fixture f = certain();
    int now = 20 * DAY;
    int days = f.spec().transitions().purchaseToRetentionDays();
    f.place(0, Stage.PURCHASE, now - days * DAY);
    f.bucket().lastEngaged[0] = now - 1;

    // when
    f.model().startTick(f.bucket(), now);

    // then
    assertThat(Stage.of(f.bucket().stage[0])).isEqualTo(Stage.RETENTION);
  }

  @ParameterizedTest
  @EnumSource(value = Stage.class, names = {"RETENTION", "CHURN_RISK", "INTEREST", "CONSIDERATION"})
  void startTickShouldKeepACustomerWhoEngagedRecently(Stage stage) {
    // given
    Fixture f = certain();
    int now = 200 * DAY;
    f.place(0, stage, 0);
    f.bucket().lastEngaged[0] = now - DAY;

    // when
    f.model().startTick(f.bucket(), now);

    // then
    assertThat(Stage.of(f.bucket().stage[0])).isEqualTo(stage);
  }

  @Test
  void startTickShouldApplyTimeDrivenTransitionsOnlyAtADaysFirstTick() {
    // given
    Fixture f = certain();
    int dayStart = 200 * DAY;
    for (int i = 0; i < f.bucket().size; i++) {
      f.place(i, Stage.of(1 + i % (Stage.COUNT - 1)), 0);
      f.bucket().recentExposures[i * f.bucket().agents] = 8;
      f.bucket().exposuresToday[i * f.bucket().agents] = 8;
    }
    CustomerBucket before = f.bucket().copy();

    // when
    for (int t = dayStart + 1; t < dayStart + DAY; t++) {
      f.model().startTick(f.bucket(), t);
    }

    // then
    assertThat(f.bucket()).isEqualTo(before);

    // and when the next day starts, every overdue customer moves
    f.model().startTick(f.bucket(), dayStart + DAY);
    assertThat(f.bucket().stageSince).containsOnly(dayStart + DAY);
  }

  @Test
  void startTickShouldResetTodaysExposuresAndHalveRecentOnesAtDayStart() {
    // given
    Fixture f = certain();
    CustomerBucket b = f.bucket();
    int agents = b.agents;
    b.exposuresToday[0] = 5;
    b.exposuresToday[agents + 3] = 127;
    b.recentExposures[0] = 9;
    b.recentExposures[1] = 1;
    b.recentExposures[agents + 3] = 127;

    // when
    f.model().startTick(b, 3L * DAY);

    // then
    assertThat(b.exposuresToday).containsOnly(0);
    assertThat(b.recentExposures[0]).isEqualTo((byte) (9 / 2));
    assertThat(b.recentExposures[1]).isEqualTo((byte) 0);
    assertThat(b.recentExposures[agents + 3]).isEqualTo((byte) (127 / 2));
  }

  // ---------------------------------------------------------------- fatigue and frequency

  @Test
  void respondShouldCutClickChanceByFatigueDropFromThreshold() {
    // given
    double base = 0.5;
    double drop = 0.3;
    int threshold = 3;
    Fixture f = certain(
        "customers.count=20000", "customers.ctr.base=" + base, "customers.ctr.fatigue-drop=" + drop,
        "customers.ctr.fatigue-threshold=" + threshold);
    CustomerBucket b = f.bucket();
    // even rows reach the threshold with this impression; odd rows stay one short of it
    for (int i = 0; i < b.size; i++) {
      b.recentExposures[i * b.agents + AGENT] = (byte) (i % 2 == 0 ? threshold - 1 : threshold - 2);
    }

    // when
    ShardOutcomes o = f.showEveryone(MID_DAY, AGENT);

    // then
    Set<Integer> clicked = clickers(o);
    double fatigued = base * (1.0 - drop);
    int[] clicks = new int[2];
    int decidedByFatigue = 0;
    for (int i = 0; i < b.size; i++) {
      double ctr = i % 2 == 0 ? fatigued : base;
      double u = f.click(i, MID_DAY);
      assertThat(clicked.contains(b.firstCustomer + i)).as("customer %d", i).isEqualTo(u < ctr);
      if (clicked.contains(b.firstCustomer + i)) {
        clicks[i % 2]++;
      }
      if (i % 2 == 0 && u >= fatigued && u < base) {
        decidedByFatigue++;
      }
    }
    assertThat(decidedByFatigue).as("fatigue decided some draws").isPositive();
    assertThat(clicks[0] / (b.size / 2.0)).isCloseTo(fatigued, within(0.02));
    assertThat(clicks[1] / (b.size / 2.0)).isCloseTo(base, within(0.02));
  }

  @Test
  void respondShouldSaturateExposureCountsAt127() {
    // given
    Fixture f = certain();
    CustomerBucket b = f.bucket();
    int m0 = AGENT;
    int m1 = b.agents + AGENT;
    b.exposuresToday[m0] = CustomerBucket.MAX_COUNT;
    b.recentExposures[m0] = CustomerBucket.MAX_COUNT;
    b.exposuresToday[m1] = CustomerBucket.MAX_COUNT - 1;
    b.recentExposures[m1] = CustomerBucket.MAX_COUNT - 1;

    // when
    f.showEveryone(MID_DAY, AGENT);

    // then
    assertThat(b.exposuresToday[m0]).isEqualTo((byte) CustomerBucket.MAX_COUNT);
    assertThat(b.recentExposures[m0]).isEqualTo((byte) CustomerBucket.MAX_COUNT);
    assertThat(b.exposuresToday[m1]).isEqualTo((byte) CustomerBucket.MAX_COUNT);
    assertThat(b.recentExposures[m1]).isEqualTo((byte) CustomerBucket.MAX_COUNT);
  }

  @Test
  void respondShouldCountTodaysImpressionsPerAgentForFrequencyCaps() {
    // given
    Fixture f = certain();
    CustomerBucket b = f.bucket();

    // when
    f.showEveryone(MID_DAY, AGENT);
    f.showEveryone(MID_DAY + 1, AGENT);
    f.showEveryone(MID_DAY + 2, OTHER_AGENT);
    VisitBatch next = f.model().visits(b, MID_DAY + 3);

    // then
    for (int a = 0; a < b.agents; a++) {
      int expected = a == AGENT ? 2 : a == OTHER_AGENT ? 1 : 0;
      assertThat(columnOf(b, a, b.exposuresToday)).as("agent %d today", a).containsOnly(expected);
      assertThat(columnOf(b, a, b.recentExposures)).as("agent %d recently", a).containsOnly(expected);
      for (int v = 0; v < next.size(); v++) {
        assertThat(Batches.frequency(next, v, a)).isEqualTo(expected);
      }
    }
  }

  // ---------------------------------------------------------------- retargeting and delayed conversion

  @Test
  void respondShouldLiftClickChanceWhenTheLastClickWithinTheWindowWasTheSameAgent() {
    // given
    double base = 0.2;
    double lift = 2.0;
    Fixture f = certain(
        "customers.count=20000", "customers.ctr.base=" + base, "customers.ctr.retargeting-lift=" + lift,
        "customers.conversion.attribution-window-days=1");
    CustomerBucket b = f.bucket();
    int window = DAY;
    // row i mod 3: 0 last clicked this agent just now, 1 another agent, 2 this agent but out of the window
    for (int i = 0; i < b.size; i++) {
      b.lastClickAgent[i] = i % 3 == 1 ? OTHER_AGENT : AGENT;
      b.lastClickTick[i] = (int) MID_DAY - (i % 3 == 2 ? window : 1);
    }

    // when
    ShardOutcomes o = f.showEveryone(MID_DAY, AGENT);

    // then
    Set<Integer> clicked = clickers(o);
    int[] clicks = new int[3];
    int[] rows = new int[3];
    for (int i = 0; i < b.size; i++) {
      double ctr = i % 3 == 0 ? base * lift : base;
      boolean c = clicked.contains(b.firstCustomer + i);
      assertThat(c).as("customer %d", i).isEqualTo(f.click(i, MID_DAY) < ctr);
      rows[i % 3]++;
      clicks[i % 3] += c ? 1 : 0;
    }
    assertThat((double) clicks[0] / rows[0]).isCloseTo(base * lift, within(0.02));
    assertThat((double) clicks[1] / rows[1]).isCloseTo(base, within(0.02));
    assertThat((double) clicks[2] / rows[2]).isCloseTo(base, within(0.02));
  }

  @Test
  void respondShouldCreditADelayedPurchaseToTheLastClickedAgentWithinTheWindowOnly() {
    // given
    Fixture f = certain("customers.conversion.delayed=1", "customers.conversion.attribution-window-days=1");
    CustomerBucket b = f.bucket();
    f.placeAll(Stage.CONSIDERATION, 0);
    int window = DAY;
    // row i mod 3: 0 clicked within the window, 1 clicked exactly a window ago, 2 never clicked
    for (int i = 0; i < b.size; i++) {
      if (i % 3 != 2) {
        b.lastClickAgent[i] = OTHER_AGENT;
        b.lastClickTick[i] = (int) MID_DAY - (i % 3 == 0 ? window - 1 : window);
      }
    }
    VisitBatch visits = f.model().visits(b, MID_DAY);
    byte[] noAds = new byte[visits.size()];
    Arrays.fill(noAds, (byte) -1);

    // when
    ShardOutcomes o = f.model().respond(b, MID_DAY, visits, Batches.impressions(MID_DAY, noAds));

    // then
    assertThat(o.agents()).containsOnly(OTHER_AGENT);
    assertThat(o.kinds()).containsOnly(ShardOutcomes.PURCHASE);
    assertThat(o.clicks(OTHER_AGENT)).isZero();
    Set<Integer> buyers = new HashSet<>();
    for (int r = 0; r < o.rows(); r++) {
      int i = o.customers()[r] - b.firstCustomer;
      buyers.add(i);
      assertThat(o.revenueMicros()[r]).isPositive();
      assertThat(b.lifetimeValueMicros[i]).isEqualTo(o.revenueMicros()[r]);
    }
    for (int i = 0; i < b.size; i++) {
      assertThat(buyers.contains(i)).as("customer %d", i).isEqualTo(i % 3 == 0);
      assertThat(Stage.of(b.stage[i])).isEqualTo(i % 3 == 0 ? Stage.PURCHASE : Stage.CONSIDERATION);
    }
  }

  @Test
  void respondShouldNotAddADelayedPurchaseToAVisitThatClicked() {
    // given
    Fixture f = certain("customers.ctr.base=1", "customers.conversion.delayed=1");
    CustomerBucket b = f.bucket();
    f.placeAll(Stage.CONSIDERATION, 0);
    Arrays.fill(b.lastClickAgent, OTHER_AGENT);
    Arrays.fill(b.lastClickTick, (int) MID_DAY - 1);

    // when
    ShardOutcomes o = f.showEveryone(MID_DAY, AGENT);

    // then
    assertThat(o.clicks(AGENT)).isEqualTo(b.size);
    assertThat(o.conversions(AGENT)).isZero();
    assertThat(o.conversions(OTHER_AGENT)).isZero();
  }

  // ---------------------------------------------------------------- outcomes

  @Test
  void shardOutcomesShouldSumClicksConversionsAndRevenuePerAgent() {
    // given
    byte click = ShardOutcomes.CLICK;
    byte purchase = ShardOutcomes.PURCHASE;
    byte both = (byte) (click | purchase);
    ShardOutcomes o = new ShardOutcomes(
        10, 6, new int[] {1, 2, 3, 4, 5, 6},
        new int[] {0, 0, 1, 0, 1, 1},
        new byte[] {click, both, click, purchase, purchase, both},
        new long[] {0, 700, 0, 300, 50, 20},
        new long[] {1, 2, 3, 2, 3, 6},
        new int[Stage.COUNT]);

    // when / then
    assertThat(o.rows()).isEqualTo(6);
    assertThat(o.clicks(0)).isEqualTo(2);
    assertThat(o.conversions(0)).isEqualTo(2);
    assertThat(o.revenueMicros(0)).isEqualTo(700 + 300);
    assertThat(o.clicks(1)).isEqualTo(2);
    assertThat(o.conversions(1)).isEqualTo(2);
    assertThat(o.revenueMicros(1)).isEqualTo(50 + 20);
    assertThat(o.clicks(2)).isZero();
    assertThat(o.conversions(2)).isZero();
    assertThat(o.revenueMicros(2)).isZero();
  }

  @Test
  void respondShouldStampTheBucketWithTheTickAndCountVisitsImpressionsAndStages() {
    // given
    Fixture f = certain("customers.ctr.base=0.3", "customers.conversion.base=0.5");
    CustomerBucket b = f.bucket();
    VisitBatch visits = f.model().visits(b, MID_DAY);
    byte[] winners = new byte[visits.size()];
    int shown = 0;
    for (int v = 0; v < winners.length; v++) {
      winners[v] = (byte) (v % 3 == 0 ? -1 : v % b.agents);
      shown += winners[v] >= 0 ? 1 : 0;
    }

    // when
    ShardOutcomes o = f.model().respond(b, MID_DAY, visits, Batches.impressions(MID_DAY, winners));

    // then
    assertThat(b.tick).isEqualTo(MID_DAY);
    assertThat(o.visits()).isEqualTo(visits.size());
    assertThat(o.impressions()).isEqualTo(shown);
    assertThat(o.stageCounts()).containsExactly(b.stageCounts());
    assertThat(Arrays.stream(o.stageCounts()).sum()).isEqualTo(b.size);
    int clicks = 0;
    for (int a = 0; a < b.agents; a++) {
      clicks += o.clicks(a);
    }
    assertThat(clicks).as("some clicks, each on a shown ad").isPositive().isLessThanOrEqualTo(shown);
  }

  // ---------------------------------------------------------------- the bucket

  private static CustomerBucket sampleBucket() {
    Fixture f = fixture(TestScenarios.small(13, "customers.count=20"));
    CustomerBucket b = f.bucket();
    for (int i = 0; i < b.size; i++) {
      b.lifetimeValueMicros[i] = 1000L * i;
      b.lastClickTick[i] = i;
      b.exposuresToday[i * b.agents] = (byte) i;
      b.recentExposures[i * b.agents] = (byte) (2 * i);
    }
    b.tick = 41;
    return b;
  }

  static Stream<Arguments> mutations() {
    return Stream.of(
        Arguments.of("tick", (Consumer<CustomerBucket>) b -> b.tick++),
        Arguments.of("stage", (Consumer<CustomerBucket>) b -> b.stage[3] = (byte) ((b.stage[3] + 1) % Stage.COUNT)),
        Arguments.of("stageSince", (Consumer<CustomerBucket>) b -> b.stageSince[3]++),
        Arguments.of("lastEngaged", (Consumer<CustomerBucket>) b -> b.lastEngaged[3]++),
        Arguments.of("lifetimeValueMicros", (Consumer<CustomerBucket>) b -> b.lifetimeValueMicros[3]++),
        Arguments.of("lastClickAgent", (Consumer<CustomerBucket>) b -> b.lastClickAgent[3]++),
        Arguments.of("lastClickTick", (Consumer<CustomerBucket>) b -> b.lastClickTick[3]++),
        Arguments.of("exposuresToday", (Consumer<CustomerBucket>) b -> b.exposuresToday[7]++),
        Arguments.of("recentExposures", (Consumer<CustomerBucket>) b -> b.recentExposures[7]++));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void copyShouldBeDeepAndEqualsShouldNoticeAChangeInAnyColumn(String column, Consumer<CustomerBucket> mutate) {
    // given
    CustomerBucket original = sampleBucket();
    CustomerBucket copy = original.copy();
    assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original).isNotSameAs(original);

    // when
    mutate.accept(copy);

    // then
    assertThat(copy).as(column).isNotEqualTo(original);
    assertThat(original).as("the original is untouched").isEqualTo(sampleBucket());
  }

  @Test
  void bucketShouldRejectColumnsOfDifferentLengths() {
    // given
    int n = 4;
    int agents = 2;

    // when / then
    assertThatThrownBy(() -> new CustomerBucket(
        0, agents, 0, new byte[n], new int[n], new int[n], new long[n], new int[n], new int[n], new long[n],
        new byte[n * agents], new byte[n * agents - 1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CustomerBucket(
        0, agents, 0, new byte[n], new int[n + 1], new int[n], new long[n], new int[n], new int[n], new long[n],
        new byte[n * agents], new byte[n * agents]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
