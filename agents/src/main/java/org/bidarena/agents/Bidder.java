package org.bidarena.agents;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerBuilderByState;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import java.util.Arrays;
import org.apache.pekko.actor.typed.ActorRef;
import org.bidarena.agents.external.AnswerLog;
import org.bidarena.agents.external.ExternalStrategy;
import org.bidarena.core.external.ExternalBidder;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.journal.TickEntity;
import org.bidarena.core.journal.TickState;
import org.bidarena.core.protocol.BidderProtocol.BidRequests;
import org.bidarena.core.protocol.BidderProtocol.Command;
import org.bidarena.core.protocol.BidderProtocol.ExternalAnswered;
import org.bidarena.core.protocol.BidderProtocol.Outcomes;
import org.bidarena.core.protocol.BidderProtocol.WinNotice;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * One bidder agent, run as a Cluster Sharding entity keyed by agent id.
 *
 * <p>Protocol per tick: it answers each partition's {@link BidRequests} (the public auction columns and
 * its own memory rows only) with sparse {@link ExchangeProtocol.Bids} and that partition's share of the
 * tick's budget allowance; it collects a per-auction {@link WinNotice} from every partition and its own
 * per-auction {@link Outcomes} from every customer shard; then its strategy learns from the tick, and
 * it journals {@link BidderTickSettled} and reports {@link DriverProtocol.TickDone}.
 *
 * <p>Bids for a tick depend only on the state at the end of the previous tick and on the request, so the
 * order in which partitions ask does not matter. Spend limits per partition add up to the tick's
 * allowance, which never exceeds what is left of the daily budget.
 *
 * <p>An external agent (strategy {@code openrtb}) asks its {@link AnswerLog} child instead of planning at
 * once: the child asks the external bidder about the rows the agent may bid on, journals the answers, and
 * replies with {@link ExternalAnswered}, from which the agent plans its bids as any other.
 */
public final class Bidder extends TickEntity<Command, BidderTickSettled, Bidder.State, BidderCheckpoint> {
  public static final String SETTLED_TAG = "bidders";

  private final int agentIndex;
  private final AgentSpec agent;
  private final BudgetPacer pacer;
  private final SeededStreams streams;
  private final ActorContext<Command> context;
  /** The external bidder and its answer journal; null unless the agent's strategy is openrtb. */
  private final ExternalBidder external;
  private final ActorRef<AnswerLog.Command> answerLog;

  /** The agent's state at the end of its last settled tick, and the tick under way. */
  public static final class State extends TickState<BidderTickSettled> {
    long tick;
    long spentToday;
    final BidPlanner planner;

    long current = -1;
    long[] spendLimits;
    boolean[] partitionsAsked;
    int winNotices;
    int outcomes;
    long auctions;
    int bids;
    long bidSum;
    int impressions;
    long spend;
    int clicks;
    int conversions;
    long revenue;
    /** The tick's per-auction messages, by partition and by shard, for {@link BiddingStrategy#onAuctions}. */
    WinNotice[] notices;
    Outcomes[] outcomeRows;

    State(long tick, long spentToday, BidPlanner planner) {
      this.tick = tick;
      this.spentToday = spentToday;
      this.planner = planner;
    }

    @Override
    public long tick() {
      return tick;
    }
  }

  public static Behavior<Command> create(Scenario scenario, int agentIndex, RestorePoint restorePoint, Peers peers) {
    return Behaviors.setup(ctx -> new Bidder(ctx, scenario, agentIndex, restorePoint, peers));
  }

  private Bidder(ActorContext<Command> context, Scenario scenario, int agentIndex, RestorePoint restorePoint, Peers peers) {
    super(context, new Participant(Participant.Kind.BIDDER, agentIndex),
        PersistenceId.of(EntityKeys.BIDDER.name(), scenario.agents().get(agentIndex).id()), SETTLED_TAG, scenario,
        restorePoint, peers);
    this.agentIndex = agentIndex;
    this.agent = scenario.agents().get(agentIndex);
    this.pacer = BudgetPacer.of(agent, scenario);
    this.streams = new SeededStreams(scenario.seed());
    this.context = context;
    boolean isExternal = ExternalBidder.STRATEGY.equals(agent.strategy());
    this.external = isExternal ? ExternalBidder.connect(context.getSystem(), scenario, agent) : null;
    this.answerLog = isExternal ? context.spawn(
        AnswerLog.create(agent.id(), external, restorePoint.tick()), "external-answers") : null;
  }

  private BidPlanner newPlanner() {
    return BidPlanner.of(scenario, agentIndex, streams, Strategies.create(agent, agentIndex, scenario, streams));
  }

  @Override
  public State emptyState() {
    return new State(-1, 0, newPlanner());
  }

  @Override
  protected void onCommands(CommandHandlerBuilderByState<Command, BidderTickSettled, State, State> commands) {
    commands
        .onCommand(BidRequests.class, this::onBidRequests)
        .onCommand(ExternalAnswered.class, this::onExternalAnswered)
        .onCommand(WinNotice.class, this::onWinNotice)
        .onCommand(Outcomes.class, this::onOutcomes);
  }

  private Effect<BidderTickSettled, State> onBidRequests(State state, BidRequests request) {
    long tick = request.tick();
    if (tick != state.tick + 1) {
      return fail(tick, "got bid requests for tick " + tick + " after tick " + state.tick);
    }
    if (state.current != tick) {
      beginTick(state, tick);
    }
    if (state.partitionsAsked[request.partition()]) {
      return fail(tick, "got the bid requests of partition " + request.partition() + " twice for tick " + tick);
    }
    state.partitionsAsked[request.partition()] = true;
    state.auctions += request.auctions().size();
    if (external != null) {
      answerLog.tell(new AnswerLog.Ask(request, state.planner.eligibleRows(request.auctions(), request.own()),
          context.getSelf()));
      return Effect().none();
    }
    sendBids(state, request);
    return Effect().none();
  }

  private Effect<BidderTickSettled, State> onExternalAnswered(State state, ExternalAnswered answered) {
    BidRequests request = answered.request();
    if (request.tick() != state.current || state.tick == state.current) {
      return fail(request.tick(), "got external answers for tick " + request.tick() + " during tick " + state.current);
    }
    int[] rows = state.planner.eligibleRows(request.auctions(), request.own());
    if (!Arrays.equals(rows, answered.answers().rows())) {
      return fail(request.tick(), "the journaled external answers of partition " + request.partition()
          + " are about other auctions than this re-run asks about: a determinism bug");
    }
    ((ExternalStrategy) state.planner.strategy()).use(answered.answers());
    sendBids(state, request);
    return Effect().none();
  }

  private void sendBids(State state, BidRequests request) {
    long tick = request.tick();
    ExchangeProtocol.Bids bids = state.planner.plan(tick, request.partition(), request.auctions(), request.own(),
        state.spendLimits[request.partition()], Math.max(0, agent.dailyBudgetMicros() - state.spentToday));
    peers.exchange(request.partition()).tell(bids);
  }

  private void beginTick(State state, long tick) {
    if (scenario.tickOfDay(tick) == 0) {
      state.spentToday = 0;
    }
    state.current = tick;
    state.spendLimits = BudgetPacer.split(pacer.tickAllowance(tick, state.spentToday), scenario.partitions());
    state.partitionsAsked = new boolean[scenario.partitions()];
    state.winNotices = 0;
    state.outcomes = 0;
    state.auctions = 0;
    state.bids = 0;
    state.bidSum = 0;
    state.impressions = 0;
    state.spend = 0;
    state.clicks = 0;
    state.conversions = 0;
    state.revenue = 0;
    state.notices = new WinNotice[scenario.partitions()];
    state.outcomeRows = new Outcomes[scenario.shards()];
  }

  private Effect<BidderTickSettled, State> onWinNotice(State state, WinNotice notice) {
    if (notice.tick() != state.current || state.tick == state.current) {
      return fail(notice.tick(), "got a win notice for tick " + notice.tick() + " during tick " + state.current);
    }
    state.winNotices++;
    if (external != null) {
      external.settle(notice);
    }
    state.notices[notice.partition()] = notice;
    state.bids += notice.bids();
    state.bidSum += notice.bidSumMicros();
    state.impressions += notice.impressions();
    try {
      state.spend = Math.addExact(state.spend, notice.spendMicros());
    } catch (ArithmeticException e) {
      return fail(notice.tick(), overflow("spend"));
    }
    return settleIfComplete(state);
  }

  private Effect<BidderTickSettled, State> onOutcomes(State state, Outcomes outcomes) {
    if (outcomes.tick() != state.current || state.tick == state.current) {
      return fail(outcomes.tick(), "got outcomes for tick " + outcomes.tick() + " during tick " + state.current);
    }
    state.outcomes++;
    state.outcomeRows[outcomes.shard()] = outcomes;
    state.clicks += outcomes.count(Outcomes.CLICK);
    state.conversions += outcomes.count(Outcomes.PURCHASE);
    try {
      state.revenue = Math.addExact(state.revenue, outcomes.revenueMicros());
    } catch (ArithmeticException e) {
      return fail(outcomes.tick(), overflow("revenue"));
    }
    return settleIfComplete(state);
  }

  /** Money is counted exactly in micros: a total past Long.MAX_VALUE stops the run, never wraps. */
  private static String overflow(String what) {
    return "the " + what + " of one agent passed 9,223,372,036,854.775807, the most a run can count exactly;"
        + " play fewer customers or days, or lower customers.order-value.mean";
  }

  private Effect<BidderTickSettled, State> settleIfComplete(State state) {
    if (state.winNotices < scenario.partitions() || state.outcomes < scenario.shards()) {
      return Effect().none();
    }
    long tick = state.current;
    state.spentToday += state.spend;
    BiddingStrategy strategy = state.planner.strategy();
    strategy.onAuctions(tick, java.util.Arrays.asList(state.notices), java.util.Arrays.asList(state.outcomeRows));
    state.notices = null;
    state.outcomeRows = null;
    strategy.onTickSettled(new TickSettlement(
        tick, state.bids, state.bidSum, state.impressions, state.spend, state.clicks, state.conversions, state.revenue));
    state.tick = tick;
    BidderTickSettled event = new BidderTickSettled(
        tick, agent.id(), state.auctions, state.bids, state.bidSum, state.impressions, state.spend, state.clicks,
        state.conversions, state.revenue, state.spentToday, strategy.multiplier(), strategy.takeDecisions());
    return record(state, event, () -> {});
  }

  @Override
  protected BidderCheckpoint checkpointOf(State state) {
    return new BidderCheckpoint(state.tick, state.spentToday, state.planner.strategy().state());
  }

  @Override
  protected State restore(BidderCheckpoint checkpoint) {
    State state = new State(checkpoint.tick(), checkpoint.spentTodayMicros(), newPlanner());
    state.planner.strategy().restore(checkpoint.strategyState());
    return state;
  }
}
