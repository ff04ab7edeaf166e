package org.bidarena.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.NotSerializableException;
import java.util.Arrays;
import java.util.HashMap;
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
 * serializer for each, under its pinned identifier; each manifest is the pinned one and carries a schema
 * version; the bytes are stable; and an unknown version, corrupt bytes and objects of other modules are
 * refused, naming what was wrong.
 * The identifier and the manifests are in every journal written, so changing one loses old runs.
 */
// One instance per class, so that the samples can come from an instance method and the kit is shut down.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
public abstract class SerializerContract {
  private static final Pattern VERSIONED = Pattern.compile("([A-Za-z]+)/v([0-9]+)");

  @JUnit5TestKit
  private final ActorTestKit testKit = new JUnit5TestKitBuilder().withName(getClass().getSimpleName()).build();
  protected final SerializerWithStringManifest serializer;
  private final int identifier;

  /** An object the serializer writes, and the manifest it must be written under. */
  public record Sample(String manifest, Object value) {
    @Override
    public String toString() {
      return manifest;
    }
  }

  protected SerializerContract(SerializerWithStringManifest serializer, int identifier) {
    this.serializer = serializer;
    this.identifier = identifier;
  }

  /** At least one sample of every event and snapshot the serializer writes; edge cases are welcome. */
  protected abstract List<Sample> samples();

  private Object roundTrip(Object o) throws NotSerializableException {
    return serializer.fromBinary(serializer.toBinary(o), serializer.manifest(o));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void pekkoShouldPickThisSerializerAndReadBackTheSameBytes(Sample sample) {
    // given
    Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
    Object o = sample.value();

    // when
    Serializer found = serialization.findSerializerFor(o);
    byte[] bytes = serialization.serialize(o).get();
    Object back = serialization.deserialize(bytes, found.identifier(), Serializers.manifestFor(found, o)).get();

    // then
    assertThat(found.identifier()).isEqualTo(identifier).isEqualTo(serializer.identifier());
    assertThat(serializer.toBinary(back)).containsExactly(serializer.toBinary(o));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void roundTripShouldGiveBackEveryFieldAndArrayElement(Sample sample) throws Exception {
    // when
    Object back = roundTrip(sample.value());

    // then: doubles compare bit for bit, so -0.0 must stay -0.0 and NaN stay NaN
    assertThat(back).hasSameClassAs(sample.value())
        .usingRecursiveComparison()
        .withEqualsForType((a, b) -> Double.compare(a, b) == 0, Double.class)
        .isEqualTo(sample.value());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void manifestShouldBeThePinnedOneWithAVersion(Sample sample) {
    // when
    String manifest = serializer.manifest(sample.value());

    // then
    assertThat(manifest).isEqualTo(sample.manifest()).matches(VERSIONED);
  }

  @Test
  void manifestsOfDifferentClassesShouldBeDistinct() {
    // given
    Map<Class<?>, String> byClass = new HashMap<>();

    // when
    for (Sample sample : samples()) {
      byClass.put(sample.value().getClass(), serializer.manifest(sample.value()));
    }

    // then
    assertThat(new HashSet<>(byClass.values())).hasSameSizeAs(byClass.keySet());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void serializingTwiceShouldGiveIdenticalBytesAndRoundTripToTheSameBytes(Sample sample) throws Exception {
    // given
    Object o = sample.value();

    // when
    byte[] first = serializer.toBinary(o);
    byte[] second = serializer.toBinary(o);
    byte[] again = serializer.toBinary(serializer.fromBinary(first, serializer.manifest(o)));

    // then
    assertThat(second).containsExactly(first);
    assertThat(again).containsExactly(first);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("samples")
  void fromBinaryShouldRefuseAnUnknownVersion(Sample sample) {
    // given: the bytes of this version, under the next version's manifest and under version 0
    byte[] bytes = serializer.toBinary(sample.value());
    Matcher m = VERSIONED.matcher(sample.manifest());
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
  void fromBinaryShouldNameTheManifestOfCorruptBytes(Sample sample) {
    // given: a varint that never ends is not protobuf
    byte[] corrupt = new byte[11];
    Arrays.fill(corrupt, (byte) 0xFF);
    String manifest = serializer.manifest(sample.value());

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
