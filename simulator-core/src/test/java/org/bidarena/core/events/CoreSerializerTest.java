package org.bidarena.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.NotSerializableException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.bidarena.core.customer.CustomerBucket;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.customer.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CoreSerializerTest {
  private static ActorTestKit kit;
  private final CoreSerializer serializer = new CoreSerializer();

  @BeforeAll
  static void startSystem() {
    kit = ActorTestKit.create();
  }

  @AfterAll
  static void stopSystem() {
    kit.shutdownTestKit();
  }

  // ---------------------------------------------------------------- samples

  private static OutcomesRecorded outcomes() {
    byte both = (byte) (ShardOutcomes.CLICK | ShardOutcomes.PURCHASE);
    ShardOutcomes o = new ShardOutcomes(
        1234, 987,
        new int[] {0, 17, 17, 99_999_999},
        new byte[] {0, 5, -1, 63},
        new byte[] {ShardOutcomes.CLICK, both, ShardOutcomes.PURCHASE, ShardOutcomes.CLICK},
        new long[] {0, 59_999_999L, Long.MAX_VALUE, -3},
        new int[] {400, 250, 0, 100, 30, 2_000_000_000});
    return new OutcomesRecorded((1L << 40) + 5, 4095, o);
  }

  private static OutcomesRecorded emptyOutcomes() {
    return new OutcomesRecorded(
        0, 0, new ShardOutcomes(0, 0, new int[0], new byte[0], new byte[0], new long[0], new int[0]));
  }

  private static RunStarted runStarted() {
    return new RunStarted(
        "name = \"déjà vu ✓\"\nseed = -9\ncustomers { count = 10 }\n", Long.MIN_VALUE,
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 672);
  }

  private static CustomerBucket bucket() {
    int agents = 3;
    return new CustomerBucket(
        500, agents, 95,
        new byte[] {0, 3, 5, 1},
        new int[] {-1, 0, 95, -288},
        new int[] {-72, 94, Integer.MIN_VALUE / 2, Integer.MAX_VALUE},
        new long[] {0, 60_000_000L, Long.MAX_VALUE, 1},
        new byte[] {-1, 2, 0, -1},
        new int[] {Integer.MIN_VALUE / 2, 90, -5, Integer.MIN_VALUE},
        new byte[] {0, 1, 2, 127, 0, 0, 8, 8, 8, 0, 0, 1},
        new byte[] {0, 2, 4, 127, 0, 0, 63, 9, 1, 0, 0, -1});
  }

  private static CustomerBucket emptyBucket() {
    return new CustomerBucket(10, 6, -1, new byte[0], new int[0], new int[0], new long[0], new byte[0],
        new int[0], new byte[0], new byte[0]);
  }

  static List<Object> everyType() {
    return List.of(outcomes(), new TickCompleted(96, 12_345), runStarted(), new CheckpointCompleted(191), bucket());
  }

  private Object roundTrip(Object o) throws NotSerializableException {
    return serializer.fromBinary(serializer.toBinary(o), serializer.manifest(o));
  }

  private static void assertSameOutcomes(OutcomesRecorded actual, OutcomesRecorded expected) {
    assertThat(actual.tick()).isEqualTo(expected.tick());
    assertThat(actual.shard()).isEqualTo(expected.shard());
    ShardOutcomes a = actual.outcomes();
    ShardOutcomes e = expected.outcomes();
    assertThat(a.visits()).isEqualTo(e.visits());
    assertThat(a.impressions()).isEqualTo(e.impressions());
    assertThat(a.customers()).containsExactly(e.customers());
    assertThat(a.agents()).containsExactly(e.agents());
    assertThat(a.kinds()).containsExactly(e.kinds());
    assertThat(a.revenueMicros()).containsExactly(e.revenueMicros());
    assertThat(a.stageCounts()).containsExactly(e.stageCounts());
  }

  private static void assertSameBucket(CustomerBucket actual, CustomerBucket expected) {
    assertThat(actual.firstCustomer).isEqualTo(expected.firstCustomer);
    assertThat(actual.size).isEqualTo(expected.size);
    assertThat(actual.agents).isEqualTo(expected.agents);
    assertThat(actual.tick).isEqualTo(expected.tick);
    assertThat(actual.stage).containsExactly(expected.stage);
    assertThat(actual.stageSince).containsExactly(expected.stageSince);
    assertThat(actual.lastEngaged).containsExactly(expected.lastEngaged);
    assertThat(actual.lifetimeValueMicros).containsExactly(expected.lifetimeValueMicros);
    assertThat(actual.lastClickAgent).containsExactly(expected.lastClickAgent);
    assertThat(actual.lastClickTick).containsExactly(expected.lastClickTick);
    assertThat(actual.exposuresToday).containsExactly(expected.exposuresToday);
    assertThat(actual.recentExposures).containsExactly(expected.recentExposures);
    assertThat(actual).isEqualTo(expected);
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void outcomesRecordedShouldSurviveARoundTripColumnByColumn() throws Exception {
    // given
    OutcomesRecorded e = outcomes();

    // when
    Object back = roundTrip(e);

    // then
    assertThat(back).isInstanceOf(OutcomesRecorded.class);
    assertSameOutcomes((OutcomesRecorded) back, e);
  }

  @Test
  void outcomesRecordedWithoutRowsShouldSurviveARoundTrip() throws Exception {
    // given
    OutcomesRecorded e = emptyOutcomes();

    // when
    OutcomesRecorded back = (OutcomesRecorded) roundTrip(e);

    // then
    assertSameOutcomes(back, e);
    assertThat(back.outcomes().rows()).isZero();
  }

  @Test
  void tickCompletedShouldSurviveARoundTrip() throws Exception {
    // given
    TickCompleted e = new TickCompleted(Long.MAX_VALUE - 1, -1);

    // when
    Object back = roundTrip(e);

    // then
    assertThat(back).isEqualTo(e);
  }

  @Test
  void runStartedShouldSurviveARoundTripWithUnicodeAndANegativeSeed() throws Exception {
    // given
    RunStarted e = runStarted();

    // when
    RunStarted back = (RunStarted) roundTrip(e);

    // then
    assertThat(back.scenarioHocon()).isEqualTo(e.scenarioHocon());
    assertThat(back.seed()).isEqualTo(Long.MIN_VALUE);
    assertThat(back.scenarioSha256()).isEqualTo(e.scenarioSha256());
    assertThat(back.totalTicks()).isEqualTo(e.totalTicks());
    assertThat(back).isEqualTo(e);
  }

  @Test
  void checkpointCompletedShouldSurviveARoundTrip() throws Exception {
    // given
    CheckpointCompleted e = new CheckpointCompleted(191);

    // when
    Object back = roundTrip(e);

    // then
    assertThat(back).isEqualTo(e);
  }

  @Test
  void customerBucketSnapshotShouldSurviveARoundTripColumnByColumn() throws Exception {
    // given
    CustomerBucket b = bucket();

    // when
    Object back = roundTrip(b);

    // then
    assertThat(back).isInstanceOf(CustomerBucket.class);
    assertSameBucket((CustomerBucket) back, b);
  }

  @Test
  void emptyCustomerBucketSnapshotShouldSurviveARoundTrip() throws Exception {
    // given
    CustomerBucket b = emptyBucket();

    // when
    CustomerBucket back = (CustomerBucket) roundTrip(b);

    // then
    assertSameBucket(back, b);
    assertThat(back.stageCounts()).containsExactly(new int[Stage.COUNT]);
  }

  // ---------------------------------------------------------------- manifests and bytes

  @Test
  void manifestsShouldBeDistinctAndCarryAVersion() {
    // given
    Set<String> manifests = new HashSet<>();

    // when
    for (Object o : everyType()) {
      manifests.add(serializer.manifest(o));
    }

    // then
    assertThat(manifests).hasSize(everyType().size());
    assertThat(manifests).allSatisfy(m -> assertThat(m).matches("[A-Za-z]+/v1"));
    assertThat(serializer.manifest(outcomes())).isEqualTo("OutcomesRecorded/v1");
    assertThat(serializer.manifest(bucket())).isEqualTo("CustomerShardSnapshot/v1");
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void serializingTwiceShouldGiveIdenticalBytesAndRoundTripToTheSameBytes(Object o) throws Exception {
    // when
    byte[] first = serializer.toBinary(o);
    byte[] second = serializer.toBinary(o);
    byte[] again = serializer.toBinary(serializer.fromBinary(first, serializer.manifest(o)));

    // then
    assertThat(second).containsExactly(first);
    assertThat(again).containsExactly(first);
  }

  @Test
  void fromBinaryShouldRejectAnUnknownManifest() {
    // given
    byte[] bytes = serializer.toBinary(new TickCompleted(1, 2));

    // when / then
    assertThatThrownBy(() -> serializer.fromBinary(bytes, "TickCompleted/v999"))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("TickCompleted/v999");
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void fromBinaryShouldNameTheManifestOfCorruptBytes(Object o) {
    // given: a varint that never ends is not protobuf
    byte[] corrupt = new byte[11];
    java.util.Arrays.fill(corrupt, (byte) 0xFF);
    String manifest = serializer.manifest(o);

    // when / then
    assertThatThrownBy(() -> serializer.fromBinary(corrupt, manifest)).hasMessageContaining(manifest);
  }

  @Test
  void serializerShouldRefuseObjectsOfOtherModules() {
    // given
    Object stranger = "not an event";

    // when / then
    assertThatThrownBy(() -> serializer.manifest(stranger)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> serializer.toBinary(stranger)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- the Pekko binding

  @ParameterizedTest
  @MethodSource("everyType")
  void pekkoShouldBindEveryEventAndSnapshotToTheCoreSerializer(Object o) throws Exception {
    // given
    Serialization serialization = SerializationExtension.get(kit.system().classicSystem());

    // when
    Serializer found = serialization.findSerializerFor(o);
    byte[] bytes = serialization.serialize(o).get();
    Object back = serialization.deserialize(bytes, found.identifier(), Serializers.manifestFor(found, o)).get();

    // then
    assertThat(found.identifier()).isEqualTo(731001).isEqualTo(serializer.identifier());
    assertThat(serializer.toBinary(back)).containsExactly(serializer.toBinary(o));
  }
}
