package org.bidarena.openrtb.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.settings.ClientConnectionSettings;
import org.apache.pekko.http.javadsl.settings.ConnectionPoolSettings;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.bidarena.openrtb.OpenRtbJson;
import org.bidarena.openrtb.market.BidAnswer;
import org.bidarena.openrtb.market.MarketAuction;
import org.bidarena.openrtb.market.MarketMapper;
import org.bidarena.openrtb.market.NoBidReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks one external OpenRTB 2.6 bidder about a batch of auctions, one POST per impression as the standard
 * wants, at most {@code concurrency} at a time over a keep-alive connection pool.
 *
 * <p>Every failure is an answer, never an exception: a timeout, a refused connection, a status other than
 * 200/204, a body that is not a valid BidResponse or a bid under the floor is a no-bid with its
 * {@link NoBidReason}. The returned stage always completes, at the latest about tmax after the last
 * request starts, so a bidder that hangs cannot stall the caller.
 */
public final class OpenRtbClient {
  private static final Logger LOG = LoggerFactory.getLogger(OpenRtbClient.class);
  private static final RawHeader VERSION = RawHeader.create("x-openrtb-version", "2.6");
  /** The largest body read from a bidder; a larger one is malformed. */
  private static final long MAX_BODY = 256 * 1024;

  private final Http http;
  private final Materializer materializer;
  private final String endpoint;
  private final Duration tmax;
  private final int concurrency;
  private final ConnectionPoolSettings pool;
  /** Notices go through a pool of their own, so that a burst of them never crowds out bid requests. */
  private final ConnectionPoolSettings noticePool;
  private final org.apache.pekko.event.LoggingAdapter log;
  private final java.util.concurrent.Executor executor;
  private final org.apache.pekko.http.javadsl.HttpsConnectionContext https;

  public OpenRtbClient(ClassicActorSystemProvider system, String endpoint, Duration tmax, int concurrency) {
    this.http = Http.get(system.classicSystem());
    this.materializer = Materializer.matFromSystem(system);
    this.log = system.classicSystem().log();
    this.executor = system.classicSystem().dispatcher();
    // Built here, not on the first request: creating the TLS context takes longer than a typical tmax.
    this.https = http.defaultClientHttpsContext();
    this.endpoint = endpoint;
    this.tmax = tmax;
    this.concurrency = concurrency;
    int open = Integer.highestOneBit(Math.max(1, concurrency * 2 - 1)) * 2;
    this.pool = ConnectionPoolSettings.create(system.classicSystem())
        .withMaxConnections(concurrency)
        .withMaxOpenRequests(Math.max(32, open))
        .withMaxRetries(0)
        // A bidder that is down must not make the pool back off for minutes: retry a connection within tmax.
        .withBaseConnectionBackoff(Duration.ofMillis(Math.max(10, tmax.toMillis() / 4)))
        .withMaxConnectionBackoff(tmax)
        // A bidder that hangs holds a connection until this closes it; that, not tmax, frees the slot.
        .withConnectionSettings(ClientConnectionSettings.create(system.classicSystem())
            .withIdleTimeout(Duration.ofMillis(Math.max(1_000, 2 * tmax.toMillis())))
            .withConnectingTimeout(Duration.ofMillis(Math.max(100, tmax.toMillis()))));
    this.noticePool = pool.withMaxOpenRequests(1024).withMaxConnections(Math.max(2, concurrency / 2));
  }

  /** The answers to {@code auctions}, in their order. */
  public CompletionStage<List<BidAnswer>> ask(List<MarketAuction> auctions) {
    return Source.from(auctions)
        .mapAsync(concurrency, this::ask)
        .runWith(Sink.seq(), materializer);
  }

  /**
   * The answers to {@code auctions} as they stand {@code deadline} after the call (real-time mode): an answer
   * not back by then is a timeout, and a request not yet sent by then is not sent. The stage completes at the
   * deadline at the latest, however the bidder behaves.
   */
  public CompletionStage<List<BidAnswer>> askWithin(List<MarketAuction> auctions, Duration deadline) {
    if (auctions.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<CompletableFuture<BidAnswer>> slots = new java.util.ArrayList<>(auctions.size());
    for (int i = 0; i < auctions.size(); i++) {
      slots.add(new CompletableFuture<>());
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(slots.toArray(CompletableFuture[]::new));
    CompletableFuture<Void> cut = all.copy().completeOnTimeout(null, deadline.toMillis(), TimeUnit.MILLISECONDS);
    BidAnswer late = BidAnswer.noBid(NoBidReason.TIMEOUT,
        "no answer from " + endpoint + " within the tick's deadline of " + deadline.toMillis() + " ms");
    Source.range(0, auctions.size() - 1)
        .mapAsync(concurrency, i -> cut.isDone()
            ? CompletableFuture.completedFuture(slots.get(i).complete(late))
            : ask(auctions.get(i)).thenApply(answer -> slots.get(i).complete(answer)))
        .runWith(Sink.ignore(), materializer);
    return cut.thenApply(done -> slots.stream().map(slot -> slot.getNow(late)).toList());
  }

  /** The answer to one auction. */
  public CompletionStage<BidAnswer> ask(MarketAuction auction) {
    HttpRequest request = HttpRequest.POST(endpoint)
        .addHeader(VERSION)
        .withEntity(ContentTypes.APPLICATION_JSON, OpenRtbJson.writeBytes(MarketMapper.toRequest(auction)));
    CompletableFuture<BidAnswer> exchange = http.singleRequest(request, https, pool, log)
        .thenComposeAsync(response -> read(auction, response), executor)
        .toCompletableFuture();
    CompletableFuture<BidAnswer> answer = exchange.copy()
        .orTimeout(tmax.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(e -> failed(auction, e));
    // The answer is known at tmax, but the stage completes only when the connection is free again, so the
    // number of requests really open never exceeds the pool's connections.
    return answer.thenCombine(exchange.handle((done, failure) -> done), (known, ignored) -> known);
  }

  private CompletionStage<BidAnswer> read(MarketAuction auction, HttpResponse response) {
    int status = response.status().intValue();
    if (status == 204) {
      response.discardEntityBytes(materializer);
      return CompletableFuture.completedFuture(MarketMapper.fromNoContent());
    }
    if (status != 200) {
      response.discardEntityBytes(materializer);
      return CompletableFuture.completedFuture(
          BidAnswer.noBid(NoBidReason.HTTP_STATUS, "status " + status + " from " + endpoint));
    }
    return response.entity().withSizeLimit(MAX_BODY).toStrict(tmax.toMillis(), materializer)
        .thenApply(strict -> MarketMapper.fromBody(auction, strict.getData().utf8String()));
  }

  private BidAnswer failed(MarketAuction auction, Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof TimeoutException) {
      return BidAnswer.noBid(NoBidReason.TIMEOUT, "no answer from " + endpoint + " within " + tmax.toMillis() + " ms");
    }
    if (cause instanceof org.apache.pekko.http.scaladsl.model.EntityStreamSizeException) {
      return BidAnswer.noBid(NoBidReason.MALFORMED, "body larger than " + MAX_BODY + " bytes");
    }
    LOG.debug("auction {}: {}", auction.auctionId(), cause.toString());
    return BidAnswer.noBid(NoBidReason.TRANSPORT, cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  /**
   * Calls notice URLs and forgets them: the answer, or its absence, changes nothing in the market. At most
   * half the pool's connections at a time; a notice that fails is logged at debug level and dropped.
   */
  public void fire(List<String> urls) {
    if (urls.isEmpty()) {
      return;
    }
    Source.from(urls)
        .mapAsyncUnordered(Math.max(2, concurrency / 2), url -> notice(url))
        .runWith(Sink.ignore(), materializer);
  }

  private CompletionStage<Void> notice(String url) {
    try {
      return http.singleRequest(HttpRequest.GET(url), https, noticePool, log)
          .handle((response, failure) -> {
            if (response != null) {
              response.discardEntityBytes(materializer);
            } else {
              LOG.debug("notice {} not sent: {}", url, failure.toString());
            }
            return null;
          });
    } catch (RuntimeException e) {
      LOG.debug("notice {} not sent: {}", url, e.toString());
      return CompletableFuture.completedFuture(null);
    }
  }
}
