package org.bidarena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bidarena.agents.Fixtures.AUCTION;
import static org.bidarena.agents.Fixtures.everyStage;

import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.core.scenario.Scenario;
import org.junit.jupiter.api.Test;

class BidPlannerTest {

  private static BidPlanner planner(AgentSpec agent, int index, AuctionSpec auction, AgentSpec... all) {
    Scenario scenario = Fixtures.scenario(auction, all);
    return new BidPlanner(agent, index, auction, scenario.ticksPerDay(), scenario.totalTicks(),
        Strategies.create(agent, index, scenario, new SeededStreams(9)));
  }

  @Test
  void aggressiveShouldBidOnEveryStageAtOnePointThreeTimesBase() {
    // given
    BidPlanner planner = planner(Fixtures.aggressive(), 0, AUCTION, Fixtures.aggressive());

    // when
    long[] bids = Messages.plan(planner, 0, 0, 0, everyStage(1));

    // then
    assertThat(bids).containsExactly(1_300_000, 1_300_000, 1_300_000, 1_300_000, 1_300_000, 1_300_000);
    assertThat(planner.strategy().multiplier()).isEqualTo(1.3);
  }

  @Test
  void conservativeShouldBidOnlyOnInterestAndConsideration() {
    // given
    BidPlanner planner = planner(Fixtures.conservative(), 0, AUCTION, Fixtures.conservative());

    // when
    long[] bids = Messages.plan(planner, 0, 0, 0, everyStage(1));

    // then
    assertThat(bids).containsExactly(0, 700_000, 700_000, 0, 0, 0);
  }

  @Test
  void retargetingShouldBidOnlyOnConsiderationAndChurnRisk() {
    // given
    BidPlanner planner = planner(Fixtures.retargeting(), 0, AUCTION, Fixtures.retargeting());

    // when
    long[] bids = Messages.plan(planner, 0, 0, 0, everyStage(1));

    // then
    assertThat(bids).containsExactly(0, 0, 1_500_000, 0, 0, 1_500_000);
  }

  @Test
  void planShouldSkipCustomersAtTheFrequencyCap() {
    // given: agent 1 has cap 3; the three visits have seen it 2, 3 and 4 times today
    AgentSpec agent = Fixtures.aggressive();
    BidPlanner planner = planner(agent, 1, AUCTION, Fixtures.conservative(), agent);
    VisitBatch.Builder visits = new VisitBatch.Builder(3);
    for (int v = 0; v < 3; v++) {
      visits.visit(v + 1, (byte) 0);
      visits.memory(0, (byte) 9, VisitBatch.NEVER, VisitBatch.NEVER);
      visits.memory(1, (byte) (2 + v), VisitBatch.NEVER, VisitBatch.NEVER);
    }
    VisitBatch batch = visits.build();

    // when
    long[] bids = Messages.plan(planner, 1, 0, 0, batch);

    // then
    assertThat(bids).containsExactly(1_300_000, 0, 0);
  }

  @Test
  void planShouldClampPositiveBidsIntoMinAndMax() {
    // given
    AuctionSpec narrow = new AuctionSpec(AuctionType.SECOND_PRICE, 0, 900_000, 1_200_000);
    AgentSpec low = Fixtures.conservative();
    AgentSpec high = Fixtures.aggressive();

    // when
    long[] lowBids = Messages.plan(planner(low, 0, narrow, low, high), 0, 0, 0, Fixtures.visits(2, 1));
    long[] highBids = Messages.plan(planner(high, 1, narrow, low, high), 1, 0, 0, Fixtures.visits(2, 1));

    // then
    assertThat(lowBids).containsExactly(900_000);
    assertThat(highBids).containsExactly(1_200_000);
  }

  @Test
  void planShouldKeepAZeroBidAtZero() {
    // given: a fixed bidder whose bid is 0 means no bid, never the minimum
    AgentSpec agent = new AgentSpec(
        "silent", "fixed", 1, org.bidarena.core.scenario.Pacing.ASAP, 3, 1.0,
        Fixtures.ALL_STAGES, Fixtures.fixedBid(0));

    // when
    long[] bids = Messages.plan(planner(agent, 0, AUCTION, agent), 0, 0, 0, everyStage(1));

    // then
    assertThat(bids).containsOnly(0);
  }

  @Test
  void auctionIdShouldMatchTheExchangeFormulaByValue() {
    // the exchange's AuctionClearing.auctionId asserts the same values
    assertThat(BidPlanner.auctionId(3, 2, 5)).isEqualTo(26_392_574_033_925L);
    assertThat(BidPlanner.auctionId(1, 0, 0)).isEqualTo(1L << 43);
    assertThat(BidPlanner.auctionId(0, 4095, Integer.MAX_VALUE)).isEqualTo((1L << 43) - 1);
  }
}
