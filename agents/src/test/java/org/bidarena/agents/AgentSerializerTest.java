package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.NotSerializableException;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgentSerializerTest {
  private static ActorTestKit kit;
  private final AgentSerializer serializer = new AgentSerializer();

  @BeforeAll
  static void startSystem() {
    kit = ActorTestKit.create();
  }

  @AfterAll
  static void stopSystem() {
    kit.shutdownTestKit();
  }

  // ---------------------------------------------------------------- samples

  /** Every field distinct, so that two swapped fields cannot pass. */
  private static BidderTickSettled settled() {
    return new BidderTickSettled(
        (1L << 33) + 1, "retargeting-2", 1_001, 1_002, 1_003_000, 1_004, 1_005_000, 1_006, 1_007,
        1_008_000_000L, 12_000_000, 1.2345678901234567);
  }

  private static BidderCheckpoint checkpoint() {
    return new BidderCheckpoint(
        191, 9_999_999, new double[] {1.0, -0.0, 0.5, -3.25e-7, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN});
  }

  static List<Object> everyType() {
    return List.of(settled(), checkpoint());
  }

  private Object roundTrip(Object o) throws NotSerializableException {
    return serializer.fromBinary(serializer.toBinary(o), serializer.manifest(o));
  }

  private static void assertSameCheckpoint(BidderCheckpoint actual, BidderCheckpoint expected) {
    assertThat(actual.tick()).isEqualTo(expected.tick());
    assertThat(actual.spentTodayMicros()).isEqualTo(expected.spentTodayMicros());
    // Arrays.equals compares doubles bit for bit: -0.0 stays -0.0 and NaN stays NaN
    assertThat(Arrays.equals(actual.strategyState(), expected.strategyState()))
        .as("%s vs %s", Arrays.toString(actual.strategyState()), Arrays.toString(expected.strategyState()))
        .isTrue();
  }

  // ---------------------------------------------------------------- round trips

  @Test
  void bidderTickSettledShouldSurviveARoundTripFieldByField() throws Exception {
    // given
    BidderTickSettled e = settled();

    // when
    BidderTickSettled back = (BidderTickSettled) roundTrip(e);

    // then
    assertThat(back.tick()).isEqualTo(e.tick());
    assertThat(back.agent()).isEqualTo(e.agent());
    assertThat(back.auctions()).isEqualTo(e.auctions());
    assertThat(back.bids()).isEqualTo(e.bids());
    assertThat(back.bidSumMicros()).isEqualTo(e.bidSumMicros());
    assertThat(back.impressions()).isEqualTo(e.impressions());
    assertThat(back.spendMicros()).isEqualTo(e.spendMicros());
    assertThat(back.clicks()).isEqualTo(e.clicks());
    assertThat(back.conversions()).isEqualTo(e.conversions());
    assertThat(back.revenueMicros()).isEqualTo(e.revenueMicros());
    assertThat(back.spentTodayMicros()).isEqualTo(e.spentTodayMicros());
    assertThat(back.multiplier()).isEqualTo(e.multiplier());
    assertThat(back).isEqualTo(e);
  }

  @Test
  void bidderTickSettledOfAnIdleTickShouldSurviveARoundTrip() throws Exception {
    // given: nothing happened, and the proto3 defaults must come back as zeros, not as missing values
    BidderTickSettled e = new BidderTickSettled(0, "a", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0);

    // when
    Object back = roundTrip(e);

    // then
    assertThat(back).isEqualTo(e);
  }

  @Test
  void bidderCheckpointShouldSurviveARoundTripBitForBit() throws Exception {
    // given
    BidderCheckpoint c = checkpoint();

    // when
    Object back = roundTrip(c);

    // then
    assertThat(back).isInstanceOf(BidderCheckpoint.class);
    assertSameCheckpoint((BidderCheckpoint) back, c);
  }

  @Test
  void bidderCheckpointWithoutStrategyStateShouldSurviveARoundTrip() throws Exception {
    // given
    BidderCheckpoint c = new BidderCheckpoint(-1, 0, new double[0]);

    // when
    BidderCheckpoint back = (BidderCheckpoint) roundTrip(c);

    // then
    assertSameCheckpoint(back, c);
    assertThat(back.strategyState()).isEmpty();
  }

  // ---------------------------------------------------------------- manifests and bytes

  @Test
  void manifestsShouldBeDistinctAndCarryAVersion() {
    // when
    String settled = serializer.manifest(settled());
    String snapshot = serializer.manifest(checkpoint());

    // then
    assertThat(settled).isEqualTo("BidderTickSettled/v1");
    assertThat(snapshot).isEqualTo("BidderSnapshot/v1");
    assertThat(settled).isNotEqualTo(snapshot);
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
    byte[] bytes = serializer.toBinary(settled());

    // when / then
    assertThatThrownBy(() -> serializer.fromBinary(bytes, "BidderTickSettled/v2"))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("BidderTickSettled/v2");
  }

  @ParameterizedTest
  @MethodSource("everyType")
  void fromBinaryShouldNameTheManifestOfCorruptBytes(Object o) {
    // given: a varint that never ends is not protobuf
    byte[] corrupt = new byte[11];
    Arrays.fill(corrupt, (byte) 0xFF);
    String manifest = serializer.manifest(o);

    // when / then
    assertThatThrownBy(() -> serializer.fromBinary(corrupt, manifest)).hasMessageContaining(manifest);
  }

  @Test
  void serializerShouldRefuseObjectsOfOtherModules() {
    // given
    Object stranger = List.of(1);

    // when / then
    assertThatThrownBy(() -> serializer.manifest(stranger)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> serializer.toBinary(stranger)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- the Pekko binding

  @ParameterizedTest
  @MethodSource("everyType")
  void pekkoShouldBindEveryEventAndSnapshotToTheAgentSerializer(Object o) throws Exception {
    // given
    Serialization serialization = SerializationExtension.get(kit.system().classicSystem());

    // when
    Serializer found = serialization.findSerializerFor(o);
    byte[] bytes = serialization.serialize(o).get();
    Object back = serialization.deserialize(bytes, found.identifier(), Serializers.manifestFor(found, o)).get();

    // then
    assertThat(found.identifier()).isEqualTo(731003).isEqualTo(serializer.identifier());
    assertThat(serializer.toBinary(back)).containsExactly(serializer.toBinary(o));
  }
}
