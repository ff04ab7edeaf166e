package org.bidarena.benchmarks;

import java.util.concurrent.TimeUnit;
import org.bidarena.agents.BidPlanner;
import org.bidarena.agents.Strategies;
import org.bidarena.core.customer.CustomerBucket;
import org.bidarena.core.customer.CustomerModel;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.protocol.ExchangeProtocol.Bids;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AuctionClearing;
import org.bidarena.exchange.AuctionsCleared;
import org.bidarena.exchange.ClearedAuctions;
import org.bidarena.exchange.ExchangeSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot paths of one tick, each over a batch of {@link Markets#AUCTIONS} auctions with 8 agents.
 * Scores are per auction: ops/s is auctions per second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(Markets.AUCTIONS)
public class HotPathBenchmarks {
  private static final long LIMIT = Long.MAX_VALUE / 4;
  private Scenario scenario;
  private VisitBatch visits;
  private AuctionClearing clearing;
  private Bids[] bids;
  private OwnMemory[] own;
  private BidPlanner adaptive;
  private BidPlanner random;
  private CustomerModel model;
  private CustomerBucket bucket;
  private ShardProtocol.Impressions winners;
  private AuctionsCleared cleared;
  private ExchangeSerializer serializer;
  private long tick;

  @Setup
  public void setUp() {
    scenario = Markets.scenario();
    SeededStreams streams = new SeededStreams(scenario.seed());
    visits = Markets.visits(scenario);
    clearing = new AuctionClearing(scenario.auction(), streams);
    own = OwnMemory.split(visits, Markets.AGENTS);
    bids = new Bids[Markets.AGENTS];
    for (int a = 0; a < Markets.AGENTS; a++) {
      bids[a] = planner(a, streams).plan(0, 0, visits.auctions(), own[a], LIMIT, LIMIT);
    }
    adaptive = planner(3, streams);
    random = planner(4, streams);
    model = new CustomerModel(scenario, streams);
    bucket = model.initialBucket(0);
    ClearedAuctions result = clearing.clear(0, 0, visits.size(), bids);
    winners = result.impressions(0, 0, 0, visits.size());
    cleared = new AuctionsCleared(0, 0, scenario.auction().type(), scenario.auction().reserveMicros(),
        scenario.agents().stream().map(AgentSpec::id).toList(), visits.customers(), visits.stages(),
        result.bidStart(), result.bidAgents(), result.bidMicros(), result.bidCreatives(), result.winners(),
        result.pricesMicros(), new byte[0]);
    serializer = new ExchangeSerializer();
  }

  private BidPlanner planner(int agent, SeededStreams streams) {
    AgentSpec spec = scenario.agents().get(agent);
    return BidPlanner.of(scenario, agent, Strategies.create(spec, agent, scenario, streams));
  }

  @Benchmark
  public ClearedAuctions auctionClearing() {
    return clearing.clear(tick++ & 0xFFFF, 0, visits.size(), bids);
  }

  @Benchmark
  public Bids adaptiveStrategyBids() {
    return adaptive.plan(tick++ & 0xFFFF, 0, visits.auctions(), own[3], LIMIT, LIMIT);
  }

  @Benchmark
  public Bids randomStrategyBids() {
    return random.plan(tick++ & 0xFFFF, 0, visits.auctions(), own[4], LIMIT, LIMIT);
  }

  @Benchmark
  public ShardOutcomes customerResponse() {
    // Ticks go on, as in a run; exposure counts saturate, so the work per call stays the same.
    return model.respond(bucket, ++tick, visits, winners);
  }

  @Benchmark
  public byte[] encodeAuctionsCleared() {
    return serializer.toBinary(cleared);
  }
}
