package org.bidarena.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.NotSerializableException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every module's journal serializer must do, checked on samples of each event and snapshot it writes
 * that the module's test supplies: each comes back from a round trip field by field; Pekko picks this
 * serializer for each, under its pinned identifier; each is written under its class's pinned, versioned
 * manifest; the bytes are stable; and an unknown version, corrupt bytes and objects of other modules are
 * refused, naming what was wrong. The identifier and the manifests are in every journal written, so
 * changing one loses the runs already journaled.
 */
// One instance per class, so that the samples can come from an instance method and the kit is shut down.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
public abstract class SerializerContract {
  private static final Pattern VERSIONED = Pattern.compile("([A-Za-z]+)/v([0-9]+)");

  @JUnit5TestKit
  private final ActorTestKit testKit = new JUnit5TestKitBuilder().withName(getClass().getSimpleName()).build();
  private final SerializerWithStringManifest serializer;
  private final int identifier;
  private final Map<Class<?>, String> manifests;
  private final List<Object> samples;

  /**
   * @param identifier the serializer's identifier, pinned
   * @param manifests the manifest of each class the serializer writes, pinned
   * @param samples samples of every class the serializer writes; edge cases are welcome
   */
  protected SerializerContract(
      SerializerWithStringManifest serializer, int identifier, Map<Class<?>, String> manifests, List<?> samples) {
    this.serializer = serializer;
    this.identifier = identifier;
    this.manifests = manifests;
    this.samples = List.copyOf(samples);
  }

  List<Object> samples() {
    return samples;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void roundTripShouldGiveBackEveryFieldAndArrayElement(Object sample) throws Exception {
    // when
    Object back = serializer.fromBinary(serializer.toBinary(sample), serializer.manifest(sample));

    // then: doubles compare bit for bit, so -0.0 must stay -0.0 and NaN stay NaN
    assertThat(back).hasSameClassAs(sample)
        .usingRecursiveComparison()
        .withEqualsForType((a, b) -> Double.compare(a, b) == 0, Double.class)
        .isEqualTo(sample);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void pekkoShouldPickThisSerializerAndReadBackTheSameBytes(Object sample) {
    // given
    Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());

    // when
    Serializer found = serialization.findSerializerFor(sample);
    byte[] bytes = serialization.serialize(sample).get();
    Object back = serialization.deserialize(bytes, found.identifier(), Serializers.manifestFor(found, sample)).get();

    // then
    assertThat(found.identifier()).isEqualTo(identifier).isEqualTo(serializer.identifier());
    assertThat(serializer.toBinary(back)).containsExactly(serializer.toBinary(sample));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void manifestShouldBeThePinnedOneOfItsClass(Object sample) {
    // when
    String manifest = serializer.manifest(sample);

    // then
    assertThat(manifest).isEqualTo(manifests.get(sample.getClass()));
  }

  @Test
  void pinnedManifestsShouldBeDistinctVersionedAndEachSampled() {
    // given
    List<Class<?>> sampled = samples().stream().<Class<?>>map(Object::getClass).toList();

    // then
    assertThat(new HashSet<>(manifests.values())).hasSameSizeAs(manifests.keySet());
    assertThat(manifests.values()).allSatisfy(m -> assertThat(m).matches(VERSIONED));
    assertThat(sampled).containsAll(manifests.keySet());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void serializingTwiceShouldGiveIdenticalBytesAndRoundTripToTheSameBytes(Object sample) throws Exception {
    // when
    byte[] first = serializer.toBinary(sample);
    byte[] second = serializer.toBinary(sample);
    byte[] again = serializer.toBinary(serializer.fromBinary(first, serializer.manifest(sample)));

    // then
    assertThat(second).containsExactly(first);
    assertThat(again).containsExactly(first);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void fromBinaryShouldRefuseAnUnknownVersion(Object sample) {
    // given: the bytes of this version, under the next version's manifest and under version 0
    byte[] bytes = serializer.toBinary(sample);
    Matcher m = VERSIONED.matcher(serializer.manifest(sample));
    assertThat(m.matches()).isTrue();
    String next = m.group(1) + "/v" + (Integer.parseInt(m.group(2)) + 1);
    String zero = m.group(1) + "/v0";

    // when / then
    for (String unknown : List.of(next, zero)) {
      assertThatThrownBy(() -> serializer.fromBinary(bytes, unknown))
          .isInstanceOf(NotSerializableException.class)
          .hasMessageContaining(unknown);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void fromBinaryShouldNameTheManifestOfCorruptBytes(Object sample) {
    // given: a varint that never ends is not protobuf
    byte[] corrupt = new byte[11];
    Arrays.fill(corrupt, (byte) 0xFF);
    String manifest = serializer.manifest(sample);

    // when / then
    assertThatThrownBy(() -> serializer.fromBinary(corrupt, manifest)).hasMessageContaining(manifest);
  }

  @Test
  void serializerShouldRefuseObjectsOfOtherModules() {
    // given
    List<Object> strangers = List.of("not an event", 7, List.of(1));

    // when / then
    for (Object stranger : strangers) {
      assertThatThrownBy(() -> serializer.manifest(stranger)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> serializer.toBinary(stranger)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
