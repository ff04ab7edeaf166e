package org.bidarena.agents;

import java.util.Arrays;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.ExchangeProtocol.Bids;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.AuctionSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * The pure part of the Bidder actor: turns one partition's auctions into the agent's sparse bids.
 *
 * <p>Per row: no bid on a stage the agent does not target or on a customer it has reached its frequency
 * cap with; otherwise the strategy's bid, a positive one clamped into [minBid, maxBid], showing the creative
 * that {@link CreativeChoice} picks for the customer. The strategy sees
 * the row through a {@link BidContext}: the public columns and the agent's own memory rows only.
 */
public final class BidPlanner {
  private final AgentSpec agent;
  private final int agentIndex;
  private final AuctionSpec auction;
  private final int ticksPerDay;
  private final long totalTicks;
  private final BiddingStrategy strategy;
  private final CreativeChoice creatives;
  private final BidContext context = new BidContext();

  /** @param creatives how many creatives the agent has; each bid names the one its customer is shown */
  public BidPlanner(AgentSpec agent, int agentIndex, AuctionSpec auction, int ticksPerDay, long totalTicks,
      int creatives, SeededStreams streams, BiddingStrategy strategy) {
    this.agent = agent;
    this.agentIndex = agentIndex;
    this.auction = auction;
    this.ticksPerDay = ticksPerDay;
    this.totalTicks = totalTicks;
    this.strategy = strategy;
    this.creatives = new CreativeChoice(creatives, agentIndex, streams);
  }

  /** The planner of agent {@code agentIndex} of a scenario. */
  public static BidPlanner of(Scenario scenario, int agentIndex, SeededStreams streams, BiddingStrategy strategy) {
    return new BidPlanner(scenario.agents().get(agentIndex), agentIndex, scenario.auction(), scenario.ticksPerDay(),
        scenario.totalTicks(), scenario.agents().get(agentIndex).creatives().size(), streams, strategy);
  }

  /** The id of auction row {@code index} of (tick, partition); see {@link AuctionId}. */
  public static long auctionId(long tick, int partition, int index) {
    return AuctionId.of(tick, partition, index);
  }

  public BiddingStrategy strategy() {
    return strategy;
  }

  /**
   * The rows the agent would price: a stage it targets and a customer under its frequency cap. An external
   * bidder is asked about these rows only.
   */
  public int[] eligibleRows(AuctionBatch auctions, OwnMemory own) {
    int n = auctions.size();
    int[] rows = new int[n];
    int count = 0;
    byte[] stages = auctions.stages();
    int m = 0;
    for (int i = 0; i < n; i++) {
      while (m < own.size() && own.rows()[m] < i) {
        m++;
      }
      int frequency = m < own.size() && own.rows()[m] == i ? own.frequencyToday()[m] : 0;
      if ((agent.stageMask() & (1 << stages[i])) != 0 && frequency < agent.frequencyCap()) {
        rows[count++] = i;
      }
    }
    return Arrays.copyOf(rows, count);
  }

  /**
   * The agent's bids on the rows it bids on, in micros per impression.
   *
   * @param own the agent's memory rows of these auctions
   * @param spendLimitMicros this partition's share of the tick's allowance, passed on to the exchange
   * @param budgetLeftTodayMicros what is left of the daily budget at the start of the tick
   */
  public Bids plan(long tick, int partition, AuctionBatch auctions, OwnMemory own, long spendLimitMicros,
      long budgetLeftTodayMicros) {
    int n = auctions.size();
    int[] rows = new int[n];
    long[] prices = new long[n];
    int[] shown = new int[n];
    int count = 0;
    byte[] stages = auctions.stages();
    int cap = agent.frequencyCap();
    long min = auction.minBidMicros();
    long max = auction.maxBidMicros();
    int stageMask = agent.stageMask();
    long uniform = strategy.uniformBid(tick, partition);
    long uniformClamped = uniform > 0 ? Math.min(max, Math.max(min, uniform)) : 0;
    context.start(tick, partition, auctions, budgetLeftTodayMicros, ticksPerDay - (int) (tick % ticksPerDay),
        totalTicks - tick);
    int m = 0;
    for (int i = 0; i < n; i++) {
      while (m < own.size() && own.rows()[m] < i) {
        m++;
      }
      boolean known = m < own.size() && own.rows()[m] == i;
      int frequency = known ? own.frequencyToday()[m] : 0;
      if ((stageMask & (1 << stages[i])) == 0 || frequency >= cap) {
        continue;
      }
      long bid;
      if (uniform >= 0) {
        bid = uniformClamped;
      } else {
        context.moveTo(i, frequency, known ? own.lastImpressionTick()[m] : VisitBatch.NEVER,
            known ? own.lastClickTick()[m] : VisitBatch.NEVER);
        long raw = strategy.bid(context);
        bid = raw > 0 ? Math.min(max, Math.max(min, raw)) : 0;
      }
      if (bid > 0) {
        int chosen = uniform >= 0 ? -1 : strategy.creative(context);
        if (chosen >= agent.creatives().size()) {
          throw new IllegalStateException(agent.id() + " chose creative " + chosen + " of "
              + agent.creatives().size());
        }
        rows[count] = i;
        shown[count] = chosen >= 0 ? chosen : creatives.of(auctions.customers()[i]);
        prices[count++] = bid;
      }
    }
    return new Bids(tick, partition, agentIndex, Arrays.copyOf(rows, count), Arrays.copyOf(prices, count),
        Arrays.copyOf(shown, count), spendLimitMicros);
  }
}
