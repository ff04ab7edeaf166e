package org.bidarena.exchange;

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
import org.bidarena.core.scenario.AuctionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExchangeSerializerTest {
  private static ActorTestKit kit;
  private final ExchangeSerializer serializer = new ExchangeSerializer();

  @BeforeAll
  static void startSystem() {
    kit = ActorTestKit.create();
  }

  @AfterAll
  static void stopSystem() {
    kit.shutdownTestKit();
  }

  // ---------------------------------------------------------------- samples

  /** Four auctions and three agents: two sold, two unsold (winner -1, price 0), bids with gaps. */
  private static AuctionsCleared cleared(AuctionType type) {
    return new AuctionsCleared(
        (1L << 20) + 3, 1023, type, 500,
        List.of("adaptive", "aggressive", "retargeting"),
        new int[] {0, 42, 42, 99_999_999},
        new byte[] {0, 2, 5, 3},
        new long[][] {
          {0, 2_600, 0, 0},
          {1_300, 0, 0, Long.MAX_VALUE},
          {0, 3_000, 0, 700}},
        new int[] {1, 2, -1, -1},
        new long[] {500, 2_600, 0, 0},
        new byte[0]);
  }

  /** A replayed bid log: two agents (ours and the market) and a logged click per auction. */
  private static AuctionsCleared replayed() {
    return new AuctionsCleared(
        7, 3, AuctionType.SECOND_PRICE, 0, List.of("lin", "market"),
        new int[] {1000, 1001, 1002}, new byte[3],
        new long[][] {{800, 0, 3000}, {700, 500, 2990}},
        new int[] {0, 1, 0},
        new long[] {700, 500, 2990},
        new byte[] {0, 1, 1});
  }

  private static AuctionsCleared noAuctions() {
    return new AuctionsCleared(
        0, 0, AuctionType.SECOND_PRICE, 0, List.of("fixed", "random"),
        new int[0], new byte[0], new long[][] {new long[0], new long[0]}, new int[0], new long[0], new byte[0]);
  }

  static List<Object> everyType() {
    return List.of(cleared(AuctionType.SECOND_PRICE), replayed(), new ExchangeCheckpoint(95));
  }

  private Object roundTrip(Object o) throws NotSerializableException {
    return serializer.fromBinary(serializer.toBinary(o), serializer.manifest(o));
  }

  private static void assertSameAuctions(AuctionsCleared actual, AuctionsCleared expected) {
    assertThat(actual.tick()).isEqualTo(expected.tick());
    assertThat(actual.partition()).isEqualTo(expected.partition());
    assertThat(actual.type()).isEqualTo(expected.type());
    assertThat(actual.reserveMicros()).isEqualTo(expected.reserveMicros());
    assertThat(actual.agents()).containsExactlyElementsOf(expected.agents());
    assertThat(actual.customers()).containsExactly(expected.customers());
    assertThat(actual.stages()).containsExactly(expected.stages());
    assertThat(actual.bids()).hasSameDimensionsAs(expected.bids());
    for (int a = 0; a < expected.bids().length; a++) {
      assertThat(actual.bids()[a]).as("bids of agent %d", a).containsExactly(expected.bids()[a]);
    }
    assertThat(actual.winners()).containsExactly(expected.winners());
    assertThat(actual.pricesMicros()).containsExactly(expected.pricesMicros());
    assertThat(actual.loggedClicks()).containsExactly(expected.loggedClicks());
    assertThat(actual.auctions()).isEqualTo(expected.auctions());
  }

  // ---------------------------------------------------------------- round trips

  @ParameterizedTest
  @EnumSource(AuctionType.class)
  void auctionsClearedShouldSurviveARoundTripColumnByColumn(AuctionType type) throws Exception {
    // given
    AuctionsCleared e = cleared(type);

    // when
    Object back = roundTrip(e);

    // then
    assertThat(back).isInstanceOf(AuctionsCleared.class);
    assertSameAuctions((AuctionsCleared) back, e);
  }

  @Test
  void auctionsClearedWithoutAuctionsShouldKeepItsAgents() throws Exception {
    // given
    AuctionsCleared e = noAuctions();

    // when
    AuctionsCleared back = (AuctionsCleared) roundTrip(e);

    // then
    assertSameAuctions(back, e);
    assertThat(back.auctions()).isZero();
  }

  @Test
  void exchangeCheckpointShouldSurviveARoundTrip() throws Exception {
    // given
    ExchangeCheckpoint c = new ExchangeCheckpoint(Long.MAX_VALUE);

    // when
    Object back = roundTrip(c);

    // then
    assertThat(back).isEqualTo(c);
  }

  // ---------------------------------------------------------------- manifests and bytes

  @Test
  void manifestsShouldBeDistinctAndCarryAVersion() {
    // when
    String cleared = serializer.manifest(cleared(AuctionType.FIRST_PRICE));
    String snapshot = serializer.manifest(new ExchangeCheckpoint(1));

    // then
    assertThat(cleared).isEqualTo("AuctionsCleared/v1");
    assertThat(snapshot).isEqualTo("ExchangeSnapshot/v1");
    assertThat(cleared).isNotEqualTo(snapshot);
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
    byte[] bytes = serializer.toBinary(new ExchangeCheckpoint(3));

    // when / then
    assertThatThrownBy(() -> serializer.fromBinary(bytes, "AuctionsCleared/v0"))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("AuctionsCleared/v0");
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
    Object stranger = Integer.valueOf(7);

    // when / then
    assertThatThrownBy(() -> serializer.manifest(stranger)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> serializer.toBinary(stranger)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- the Pekko binding

  @ParameterizedTest
  @MethodSource("everyType")
  void pekkoShouldBindEveryEventAndSnapshotToTheExchangeSerializer(Object o) throws Exception {
    // given
    Serialization serialization = SerializationExtension.get(kit.system().classicSystem());

    // when
    Serializer found = serialization.findSerializerFor(o);
    byte[] bytes = serialization.serialize(o).get();
    Object back = serialization.deserialize(bytes, found.identifier(), Serializers.manifestFor(found, o)).get();

    // then
    assertThat(found.identifier()).isEqualTo(731002).isEqualTo(serializer.identifier());
    assertThat(serializer.toBinary(back)).containsExactly(serializer.toBinary(o));
  }
}
