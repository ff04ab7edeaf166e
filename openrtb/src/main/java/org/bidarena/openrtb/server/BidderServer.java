package org.bidarena.openrtb.server;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.stream.Materializer;
import org.bidarena.openrtb.OpenRtbException;
import org.bidarena.openrtb.OpenRtbJson;
import org.bidarena.openrtb.market.MarketAuction;
import org.bidarena.openrtb.market.MarketMapper;
import org.bidarena.openrtb.model.BidRequest;

/**
 * Serves one pricing function as an OpenRTB 2.6 bidder: a POST of a BidRequest (any path) is answered with a
 * BidResponse (200), a no-bid (204), or 400 with one line naming what is wrong with the request.
 */
public final class BidderServer {
  /** Prices an auction in micros per impression; 0 declines. */
  public interface Pricer {
    long price(MarketAuction auction);
  }

  private static final RawHeader VERSION = RawHeader.create("x-openrtb-version", "2.6");
  private static final long MAX_BODY = 256 * 1024;

  private final Pricer pricer;
  private final String seat;

  public BidderServer(Pricer pricer, String seat) {
    this.pricer = pricer;
    this.seat = seat;
  }

  public CompletionStage<ServerBinding> bind(ActorSystem<?> system, String host, int port) {
    Materializer materializer = Materializer.matFromSystem(system);
    org.apache.pekko.japi.function.Function<HttpRequest, CompletionStage<HttpResponse>> handler =
        request -> handle(request, materializer);
    return Http.get(system).newServerAt(host, port).bind(handler);
  }

  private CompletionStage<HttpResponse> handle(HttpRequest request, Materializer materializer) {
    if (!request.method().name().equals("POST")) {
      request.discardEntityBytes(materializer);
      return done(HttpResponse.create().withStatus(StatusCodes.METHOD_NOT_ALLOWED)
          .withEntity("POST an OpenRTB 2.6 BidRequest"));
    }
    return request.entity().withSizeLimit(MAX_BODY).toStrict(5_000, materializer)
        .thenApply(strict -> answer(strict.getData().utf8String()))
        .exceptionally(e -> HttpResponse.create().withStatus(StatusCodes.BAD_REQUEST)
            .withEntity("cannot read the request body: " + e.getMessage()));
  }

  /** The answer to one request body. */
  public HttpResponse answer(String body) {
    BidRequest request;
    try {
      request = OpenRtbJson.readRequest(body);
    } catch (OpenRtbException e) {
      return HttpResponse.create().withStatus(StatusCodes.BAD_REQUEST).withEntity(e.getMessage());
    }
    MarketAuction auction = MarketMapper.fromRequest(request);
    long micros = pricer.price(auction);
    if (micros <= 0 || micros < auction.floorMicros()) {
      return HttpResponse.create().withStatus(StatusCodes.NO_CONTENT);
    }
    return HttpResponse.create().addHeader(VERSION).withEntity(ContentTypes.APPLICATION_JSON,
        OpenRtbJson.writeBytes(MarketMapper.toResponse(request, micros, seat)));
  }

  private static CompletionStage<HttpResponse> done(HttpResponse response) {
    return java.util.concurrent.CompletableFuture.completedFuture(response);
  }
}
