package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.bidarena.core.testing.SerializerContract;
import org.junit.jupiter.api.Test;

class AgentSerializerTest extends SerializerContract {
  AgentSerializerTest() {
    super(new AgentSerializer(), 731003);
  }

  @Override
  protected List<Sample> samples() {
    return List.of(
        new Sample("BidderTickSettled/v1", settled()),
        new Sample("BidderTickSettled/v1", idleTick()),
        new Sample("BidderSnapshot/v1", checkpoint()),
        new Sample("BidderSnapshot/v1", new BidderCheckpoint(-1, 0, new double[0])));
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

  /** Nothing happened: the proto3 defaults must come back as zeros, not as missing values. */
  private static BidderTickSettled idleTick() {
    return new BidderTickSettled(0, "a", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0);
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
    // given
    BidderTickSettled e = idleTick();

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
}
