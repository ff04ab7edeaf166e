package org.bidarena.exchange;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerBuilderByState;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.journal.TickEntity;
import org.bidarena.core.journal.TickState;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EntityKeys;
import org.bidarena.core.protocol.ExchangeProtocol.Bids;
import org.bidarena.core.protocol.ExchangeProtocol.Command;
import org.bidarena.core.protocol.ExchangeProtocol.EpisodeCleared;
import org.bidarena.core.protocol.ExchangeProtocol.ReplayEpisode;
import org.bidarena.core.protocol.ExchangeProtocol.Visits;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * One exchange partition: it auctions the visits of a fixed set of customer shards, run as a Cluster
 * Sharding entity.
 *
 * <p>Protocol per tick: once {@link Visits} from every shard of the partition are in, it sends every
 * bidder one {@link BidderProtocol.BidRequests} with all the partition's auctions (the public columns,
 * shared) and that agent's own memory rows (never another agent's); once {@link Bids} from every agent
 * are in, it clears them with {@link AuctionClearing}, journals {@link AuctionsCleared}, and
 * sends {@link ShardProtocol.Impressions} to the shards, a per-auction {@link BidderProtocol.WinNotice} to
 * every bidder and {@link DriverProtocol.TickDone} to the Driver. Inputs are ordered by shard and agent id,
 * never by arrival.
 *
 * <p>A replayed bid log takes the other path: each {@link ReplayEpisode} is one tick of the partition,
 * cleared by {@link LogReplayClearing} against the logged market prices and journaled as the same
 * {@link AuctionsCleared} event (with the logged clicks), then answered to the sender.
 */
public final class Exchange extends TickEntity<Command, AuctionsCleared, Exchange.State, ExchangeCheckpoint> {
  public static final String AUCTIONS_TAG = "auctions";

  private final int partition;
  private final int[] shards;
  private final AuctionClearing clearing;

  /** The tick last cleared, and the inputs of the tick under way. */
  public static final class State extends TickState<AuctionsCleared> {
    long tick;
    long lastAuctions;
    VisitBatch[] visits;
    int visitsIn;
    VisitBatch auctions;
    Bids[] bids;
    int bidsIn;

    State(long tick) {
      this.tick = tick;
    }

    @Override
    public long tick() {
      return tick;
    }
  }

  public static Behavior<Command> create(Scenario scenario, int partition, RestorePoint restorePoint, Peers peers) {
    return Behaviors.setup(ctx -> new Exchange(ctx, scenario, partition, restorePoint, peers));
  }

  private Exchange(ActorContext<Command> context, Scenario scenario, int partition, RestorePoint restorePoint, Peers peers) {
    super(context, new Participant(Participant.Kind.EXCHANGE, partition),
        PersistenceId.of(EntityKeys.EXCHANGE.name(), Integer.toString(partition)), AUCTIONS_TAG, scenario, restorePoint,
        peers);
    this.partition = partition;
    this.shards = scenario.shardsOf(partition);
    this.clearing = new AuctionClearing(scenario.auction(), new SeededStreams(scenario.seed()));
  }

  @Override
  public State emptyState() {
    return new State(-1);
  }

  @Override
  protected void onCommands(CommandHandlerBuilderByState<Command, AuctionsCleared, State, State> commands) {
    commands
        .onCommand(Visits.class, this::onVisits)
        .onCommand(Bids.class, this::onBids)
        .onCommand(ReplayEpisode.class, this::onReplayEpisode);
  }

  private Effect<AuctionsCleared, State> onVisits(State state, Visits visits) {
    if (visits.tick() != state.tick + 1 || scenario.partitionOf(visits.shard()) != partition) {
      return fail(visits.tick(), "got visits of shard " + visits.shard() + " for tick " + visits.tick());
    }
    if (state.visits == null) {
      state.visits = new VisitBatch[shards.length];
      state.visitsIn = 0;
    }
    int slot = visits.shard() / scenario.partitions();
    if (state.visits[slot] != null) {
      return fail(visits.tick(), "got the visits of shard " + visits.shard() + " twice for tick " + visits.tick());
    }
    state.visits[slot] = visits.batch();
    state.visitsIn++;
    if (state.visitsIn == shards.length) {
      requestBids(state, visits.tick());
    }
    return Effect().none();
  }

  /**
   * Sends every bidder the partition's auctions: one public {@link AuctionBatch} shared by all, and each
   * agent's own memory rows only.
   */
  private void requestBids(State state, long tick) {
    int agents = scenario.agentCount();
    state.auctions = VisitBatch.concat(state.visits);
    state.bids = new Bids[agents];
    state.bidsIn = 0;
    AuctionBatch shared = state.auctions.auctions();
    OwnMemory[] own = OwnMemory.split(state.auctions, agents);
    long reserve = scenario.auction().reserveMicros();
    for (int a = 0; a < agents; a++) {
      peers.bidder(a).tell(new BidderProtocol.BidRequests(tick, partition, shared, own[a], reserve));
    }
  }

  private Effect<AuctionsCleared, State> onBids(State state, Bids bids) {
    long tick = bids.tick();
    if (state.auctions == null || tick != state.tick + 1 || bids.agent() < 0
        || bids.agent() >= scenario.agentCount()) {
      return fail(tick, "got bids of agent " + bids.agent() + " for tick " + tick + " it did not request");
    }
    String malformed = malformed(bids, state.auctions.size());
    if (malformed != null) {
      return fail(tick, "got malformed bids of agent " + bids.agent() + " for tick " + tick + ": " + malformed);
    }
    if (state.bids[bids.agent()] != null) {
      return fail(tick, "got the bids of agent " + bids.agent() + " twice for tick " + tick);
    }
    state.bids[bids.agent()] = bids;
    state.bidsIn++;
    if (state.bidsIn < scenario.agentCount()) {
      return Effect().none();
    }
    ClearedAuctions cleared = clearing.clear(tick, partition, state.auctions.size(), state.bids);
    AuctionsCleared event = eventOf(tick, state.auctions, cleared);
    state.tick = tick;
    state.lastAuctions = event.auctions();
    state.visits = null;
    state.auctions = null;
    state.bids = null;
    return record(state, event, () -> announce(event, cleared));
  }

  /** Why a Bids message cannot be cleared, or null when it can. */
  private static String malformed(Bids bids, int auctions) {
    int n = bids.rows().length;
    if (bids.pricesMicros().length != n || bids.creatives().length != n) {
      return "rows, prices and creatives differ in length";
    }
    int prev = -1;
    for (int r : bids.rows()) {
      if (r <= prev || r >= auctions) {
        return "row " + r + " after row " + prev + " of " + auctions + " auctions";
      }
      prev = r;
    }
    return null;
  }

  private Effect<AuctionsCleared, State> onReplayEpisode(State state, ReplayEpisode episode) {
    long tick = episode.tick();
    if (tick != state.tick + 1 || state.auctions != null) {
      return fail(tick, "got replayed episode " + tick + " after tick " + state.tick);
    }
    LogReplayClearing.ClearedEpisode cleared =
        LogReplayClearing.clear(episode.auctions(), episode.policy(), episode.budget(), episode.maxBid());
    AuctionsCleared event = replayEvent(episode, cleared);
    EpisodeCleared reply = new EpisodeCleared(
        tick, partition, event.auctions(), cleared.impressions(), cleared.clicks(), cleared.cost());
    state.tick = tick;
    state.lastAuctions = event.auctions();
    return recordUnpaced(state, event, () -> episode.replyTo().tell(reply));
  }

  /** The replayed episode as an AuctionsCleared: our agent's column, then the market's, in micros. */
  private AuctionsCleared replayEvent(ReplayEpisode episode, LogReplayClearing.ClearedEpisode cleared) {
    var log = episode.auctions();
    int n = log.size();
    long unit = episode.microsPerUnit();
    int[] rows = new int[n];
    long[] prices = new long[n];
    int[] bidStart = new int[n + 1];
    int[] bidAgents = new int[2 * n];
    long[] bidMicros = new long[2 * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      rows[i] = Math.toIntExact(log.firstRow() + i);
      prices[i] = log.marketPrice()[i] * unit;
      long[] columns = {cleared.bids()[i] * unit, prices[i]};
      for (int a = LogReplayClearing.AGENT; a <= LogReplayClearing.MARKET; a++) {
        if (columns[a] != 0) {
          bidAgents[k] = a;
          bidMicros[k++] = columns[a];
        }
      }
      bidStart[i + 1] = k;
    }
    return new AuctionsCleared(
        episode.tick(), partition, org.bidarena.core.scenario.AuctionType.SECOND_PRICE, 0,
        java.util.List.of(episode.agent(), LogReplayClearing.MARKET_ID), rows, new byte[n], bidStart,
        java.util.Arrays.copyOf(bidAgents, k), java.util.Arrays.copyOf(bidMicros, k), new int[k],
        cleared.winners(), prices, log.clicks().clone());
  }

  private AuctionsCleared eventOf(long tick, VisitBatch auctions, ClearedAuctions cleared) {
    return new AuctionsCleared(
        tick, partition, scenario.auction().type(), scenario.auction().reserveMicros(),
        scenario.agents().stream().map(AgentSpec::id).toList(), auctions.customers(), auctions.stages(),
        cleared.bidStart(), cleared.bidAgents(), cleared.bidMicros(), cleared.bidCreatives(), cleared.winners(),
        cleared.pricesMicros(), new byte[0]);
  }

  /** Tells each shard who won its customers' auctions, and each bidder what it bought. */
  private void announce(AuctionsCleared event, ClearedAuctions cleared) {
    int offset = 0;
    for (int slot = 0; slot < shards.length; slot++) {
      int count = countOfShard(event, offset, shards[slot]);
      peers.shard(shards[slot]).tell(cleared.impressions(event.tick(), partition, offset, count));
      offset += count;
    }
    BidderProtocol.WinNotice[] notices = cleared.winNotices(event.tick(), partition);
    for (int a = 0; a < notices.length; a++) {
      peers.bidder(a).tell(notices[a]);
    }
  }

  /** Rows of one shard are contiguous and its customers lie in the shard's id range. */
  private int countOfShard(AuctionsCleared event, int offset, int shard) {
    int end = scenario.firstCustomer(shard + 1);
    int i = offset;
    while (i < event.customers().length && event.customers()[i] < end) {
      i++;
    }
    return i - offset;
  }

  @Override
  protected long auctionsOf(State state) {
    return state.lastAuctions;
  }

  @Override
  protected ExchangeCheckpoint checkpointOf(State state) {
    return new ExchangeCheckpoint(state.tick);
  }

  @Override
  protected State restore(ExchangeCheckpoint checkpoint) {
    return new State(checkpoint.tick());
  }
}
