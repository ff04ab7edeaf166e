package org.bidarena.openrtb.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.bidarena.core.protocol.BidderProtocol.BidRequests;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.openrtb.market.BidAnswer;
import org.bidarena.openrtb.market.MarketAuction;
import org.bidarena.openrtb.market.NoBidReason;

/**
 * Requests per second to one external bidder through {@link OpenRtbClient}, and the latency distribution
 * against tmax. A load tool, not a test: it reads the wall clock.
 *
 * <p>Usage: ClientBench ENDPOINT [requests=50000] [concurrency=64] [tmaxMs=100]
 */
public final class ClientBench {
  private ClientBench() {}

  public static void main(String[] args) throws Exception {
    String endpoint = args[0];
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    int tmax = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "client-bench");
    try {
      OpenRtbClient client = new OpenRtbClient(system, endpoint, Duration.ofMillis(tmax), concurrency);
      run(system, client, auctions(Math.min(n, 5_000), tmax), concurrency); // warm-up
      List<MarketAuction> auctions = auctions(n, tmax);
      long start = System.nanoTime();
      long[][] result = run(system, client, auctions, concurrency);
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] micros = result[0];
      Arrays.sort(micros);
      Map<NoBidReason, Integer> reasons = new EnumMap<>(NoBidReason.class);
      int bids = 0;
      for (long r : result[1]) {
        if (r < 0) {
          bids++;
        } else {
          reasons.merge(NoBidReason.values()[(int) r], 1, Integer::sum);
        }
      }
      System.out.printf("requests %d, concurrency %d, tmax %d ms, %.1f s: %.0f requests/s%n", n, concurrency, tmax,
          seconds, n / seconds);
      System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", pct(micros, 0.50),
          pct(micros, 0.90), pct(micros, 0.99), pct(micros, 0.999), micros[micros.length - 1] / 1000.0);
      System.out.printf("bids %d, no-bids %s%n", bids, reasons);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static long[][] run(ActorSystem<Void> system, OpenRtbClient client, List<MarketAuction> auctions,
      int concurrency) throws Exception {
    long[] latency = new long[auctions.size()];
    long[] outcome = new long[auctions.size()];
    Source.range(0, auctions.size() - 1)
        .mapAsyncUnordered(concurrency, i -> {
          long t0 = System.nanoTime();
          return client.ask(auctions.get(i)).thenApply((BidAnswer a) -> {
            latency[i] = (System.nanoTime() - t0) / 1_000;
            outcome[i] = a.isBid() ? -1 : a.reason().ordinal();
            return a;
          });
        })
        .runWith(Sink.ignore(), system)
        .toCompletableFuture().get(10, TimeUnit.MINUTES);
    return new long[][] {latency, outcome};
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
  }

  private static List<MarketAuction> auctions(int n, int tmax) {
    int[] customers = new int[n];
    byte[] stages = new byte[n];
    for (int i = 0; i < n; i++) {
      customers[i] = i;
      stages[i] = (byte) (i % 6);
    }
    AuctionBatch batch = new AuctionBatch(customers, stages, new short[n], new byte[n], new int[n], new byte[n]);
    BidRequests request = new BidRequests(1, 0, batch, OwnMemory.NONE, 500);
    List<MarketAuction> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(MarketAuction.of(request, i, AuctionType.SECOND_PRICE, tmax));
    }
    return out;
  }
}
