package org.bidarena.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.bidarena.core.random.SeededStreams.Stream;
import org.junit.jupiter.api.Test;

class SeededStreamsTest {
  private static final int DRAWS = 100_000;

  /** SplitMix64's finaliser, written out from Vigna's reference splitmix64.c. */
  private static long splitMix64Finaliser(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Test
  void mixShouldBeTheSplitMix64Finaliser() {
    // given
    long golden = 0x9E3779B97F4A7C15L;

    // when / then: splitmix64 seeded with 0 first outputs mix(golden) = 0xE220A8397B1DCDAF
    assertThat(SeededStreams.mix(golden)).isEqualTo(0xE220A8397B1DCDAFL);
    for (long z : new long[] {0, 1, -1, golden, Long.MIN_VALUE, 123_456_789L}) {
      assertThat(SeededStreams.mix(z)).isEqualTo(splitMix64Finaliser(z));
    }
  }

  @Test
  void bitsShouldMixTheSeedStreamAndEachCoordinateInTurn() {
    // given
    SeededStreams s = new SeededStreams(42);
    long salt = 0x2001L * 0x9E3779B97F4A7C15L;

    // when
    long bits = s.bits(Stream.VISIT, 7, 9);

    // then: the chain documented in the class comment, so that journals stay reproducible across versions
    long seed = splitMix64Finaliser(42 ^ 0x6A09E667F3BCC909L);
    assertThat(s.seed()).isEqualTo(seed);
    assertThat(bits).isEqualTo(splitMix64Finaliser(splitMix64Finaliser(splitMix64Finaliser(seed ^ salt) ^ 7) ^ 9));
  }

  @Test
  void drawsShouldBeAPureFunctionOfSeedStreamAndCoordinates() {
    // given
    SeededStreams a = new SeededStreams(42);
    SeededStreams b = new SeededStreams(42);

    // when / then
    for (long i = 0; i < 1000; i++) {
      assertThat(b.uniform(Stream.CLICK, i, i * 31)).isEqualTo(a.uniform(Stream.CLICK, i, i * 31));
      assertThat(b.bits(Stream.TRANSITION, i, 3, 1)).isEqualTo(a.bits(Stream.TRANSITION, i, 3, 1));
      assertThat(b.normal(Stream.ORDER_VALUE, i, 5)).isEqualTo(a.normal(Stream.ORDER_VALUE, i, 5));
    }
    assertThat(a.uniform(Stream.VISIT, 5, 6)).as("no hidden state").isEqualTo(a.uniform(Stream.VISIT, 5, 6));
  }

  @Test
  void drawsShouldDifferBySeedStreamAndCoordinateOrder() {
    // given
    SeededStreams s = new SeededStreams(42);
    SeededStreams other = new SeededStreams(43);

    // when
    long base = s.bits(Stream.VISIT, 10, 20);

    // then
    assertThat(other.bits(Stream.VISIT, 10, 20)).isNotEqualTo(base);
    assertThat(s.bits(Stream.CLICK, 10, 20)).isNotEqualTo(base);
    assertThat(s.bits(Stream.VISIT, 20, 10)).as("(a, b) and (b, a) differ").isNotEqualTo(base);
    assertThat(s.bits(Stream.VISIT, 10, 20, 0)).isNotEqualTo(base);
    assertThat(s.bits(Stream.VISIT, 10)).isNotEqualTo(base);
  }

  @Test
  void everyStreamShouldHaveItsOwnSalt() {
    // given
    SeededStreams s = new SeededStreams(1);

    // when
    Set<Long> firstDraws = new HashSet<>();
    Set<Long> salts = new HashSet<>();
    for (Stream stream : Stream.registered()) {
      firstDraws.add(s.bits(stream, 0, 0));
      salts.add(stream.salt);
    }

    // then
    assertThat(salts).hasSize(Stream.registered().size());
    assertThat(firstDraws).hasSize(Stream.registered().size());
  }

  @Test
  void theCoreStreamsShouldKeepTheirSalts() {
    // The salts are part of the model: every journal ever written depends on them.
    assertThat(Stream.registered().subList(0, 9)).extracting(Stream::name, Stream::rawSalt).containsExactly(
        org.assertj.core.groups.Tuple.tuple("initial-stage", 0x1001L),
        org.assertj.core.groups.Tuple.tuple("initial-engagement", 0x1002L),
        org.assertj.core.groups.Tuple.tuple("visit", 0x2001L),
        org.assertj.core.groups.Tuple.tuple("click", 0x3001L),
        org.assertj.core.groups.Tuple.tuple("purchase", 0x3002L),
        org.assertj.core.groups.Tuple.tuple("delayed-purchase", 0x3003L),
        org.assertj.core.groups.Tuple.tuple("order-value", 0x3004L),
        org.assertj.core.groups.Tuple.tuple("transition", 0x3005L),
        org.assertj.core.groups.Tuple.tuple("tie-break", 0x4001L));
  }

  @Test
  void aStreamRegisteredOutsideTheCoreShouldDrawLikeACoreOne() {
    // given: a stream named after the streams object was made, and one made after it
    SeededStreams before = new SeededStreams(42);
    Stream own = Stream.register("seeded-streams-test-own", 0x7E57_0001L);
    SeededStreams after = new SeededStreams(42);

    // when / then: the same documented chain, whether its first round was computed up front or not
    long seed = splitMix64Finaliser(42 ^ 0x6A09E667F3BCC909L);
    long salt = 0x7E57_0001L * 0x9E3779B97F4A7C15L;
    long expected = splitMix64Finaliser(splitMix64Finaliser(splitMix64Finaliser(seed ^ salt) ^ 3) ^ 4);
    assertThat(before.bits(own, 3, 4)).isEqualTo(expected);
    assertThat(after.bits(own, 3, 4)).isEqualTo(expected);
    assertThat(Stream.registered()).contains(own);
  }

  @Test
  void aStreamWhoseSaltOrNameIsTakenShouldBeRefused() {
    assertThatThrownBy(() -> Stream.register("my-clicks", 0x3001))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("random stream my-clicks (salt 0x3001) collides with the registered stream click (salt 0x3001)");
    assertThatThrownBy(() -> Stream.register("visit", 0x7E57_0002L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("collides with the registered stream visit");
  }

  @Test
  void unitShouldMapBitsIntoTheHalfOpenUnitInterval() {
    // when / then
    assertThat(SeededStreams.unit(0L)).isEqualTo(0.0);
    assertThat(SeededStreams.unit(-1L)).isLessThan(1.0).isEqualTo(1.0 - 0x1.0p-53);
    assertThat(SeededStreams.unit(Long.MIN_VALUE)).isEqualTo(0.5);
  }

  @Test
  void uniformShouldHaveMeanOneHalfAndFillEveryTenth() {
    // given
    SeededStreams s = new SeededStreams(2024);
    int[] bins = new int[10];
    double sum = 0;
    double sumSquares = 0;

    // when
    for (int i = 0; i < DRAWS; i++) {
      double u = s.uniform(Stream.VISIT, i, 17);
      assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      bins[(int) (u * 10)]++;
      sum += u;
      sumSquares += u * u;
    }

    // then
    double mean = sum / DRAWS;
    assertThat(mean).isCloseTo(0.5, within(0.005));
    assertThat(sumSquares / DRAWS - mean * mean).isCloseTo(1.0 / 12, within(0.003));
    for (int count : bins) {
      assertThat(count).isCloseTo(DRAWS / 10, within(DRAWS / 200));
    }
  }

  @Test
  void normalShouldHaveMeanZeroAndUnitVariance() {
    // given
    SeededStreams s = new SeededStreams(7);
    double sum = 0;
    double sumSquares = 0;
    int beyondTwoSigma = 0;

    // when
    for (int i = 0; i < DRAWS; i++) {
      double z = s.normal(Stream.ORDER_VALUE, i, 3);
      sum += z;
      sumSquares += z * z;
      beyondTwoSigma += Math.abs(z) > 2 ? 1 : 0;
    }

    // then
    double mean = sum / DRAWS;
    assertThat(mean).isCloseTo(0.0, within(0.02));
    assertThat(sumSquares / DRAWS - mean * mean).isCloseTo(1.0, within(0.03));
    assertThat((double) beyondTwoSigma / DRAWS).isCloseTo(0.0455, within(0.005));
  }

  @Test
  void chanceShouldBeTrueWithProbabilityPAndClampOutsideTheUnitInterval() {
    // given
    SeededStreams s = new SeededStreams(99);
    int hits = 0;

    // when
    for (int i = 0; i < DRAWS; i++) {
      hits += s.chance(Stream.CLICK, i, 0, 0.3) ? 1 : 0;
      assertThat(s.chance(Stream.CLICK, i, 1, 0.0)).isFalse();
      assertThat(s.chance(Stream.CLICK, i, 1, -0.5)).isFalse();
      assertThat(s.chance(Stream.CLICK, i, 1, 1.0)).isTrue();
      assertThat(s.chance(Stream.CLICK, i, 1, 1.5)).isTrue();
    }

    // then
    assertThat((double) hits / DRAWS).isCloseTo(0.3, within(0.005));
  }

  @Test
  void belowShouldStayUnderTheBoundAndCoverItEvenly() {
    // given
    SeededStreams s = new SeededStreams(5);
    int bound = 7;
    int[] counts = new int[bound];

    // when
    for (int i = 0; i < DRAWS; i++) {
      counts[SeededStreams.below(s.bits(Stream.TIE_BREAK, i, 0), bound)]++;
    }

    // then
    assertThat(SeededStreams.below(0L, bound)).isZero();
    assertThat(SeededStreams.below(-1L, bound)).isEqualTo(bound - 1);
    assertThat(SeededStreams.below(-1L, 1)).isZero();
    for (int c : counts) {
      assertThat(c).isCloseTo(DRAWS / bound, within(DRAWS / 200));
    }
  }
}
