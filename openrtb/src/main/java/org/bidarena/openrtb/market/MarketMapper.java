package org.bidarena.openrtb.market;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.openrtb.OpenRtbException;
import org.bidarena.openrtb.OpenRtbJson;
import org.bidarena.openrtb.model.Banner;
import org.bidarena.openrtb.model.Bid;
import org.bidarena.openrtb.model.BidRequest;
import org.bidarena.openrtb.model.BidResponse;
import org.bidarena.openrtb.model.Data;
import org.bidarena.openrtb.model.Format;
import org.bidarena.openrtb.model.Imp;
import org.bidarena.openrtb.model.SeatBid;
import org.bidarena.openrtb.model.Segment;
import org.bidarena.openrtb.model.Site;
import org.bidarena.openrtb.model.Source;
import org.bidarena.openrtb.model.User;

/**
 * The one place where the market meets OpenRTB 2.6: a {@link MarketAuction} becomes a BidRequest, and a
 * bidder's answer becomes a bid in micros. Pure; the actor and the HTTP client only carry its results.
 *
 * <p>Money: OpenRTB prices are CPMs in currency units (USD here), the market's are micros per impression,
 * so micros per impression = CPM x 1,000 (a 2.75 USD CPM is 2,750 micros per impression).
 */
public final class MarketMapper {
  public static final String CURRENCY = "USD";
  /** The single impression of every request. */
  public static final String IMP_ID = "1";
  /** The data provider name under which the market's segments (the stage) appear in user.data. */
  public static final String SEGMENT_PROVIDER = "bidarena";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MarketMapper() {}

  public static BidRequest toRequest(MarketAuction a) {
    BidRequest r = new BidRequest();
    r.id = Long.toString(a.auctionId());
    r.at = a.type() == AuctionType.FIRST_PRICE ? 1 : 2;
    r.tmax = a.tmaxMs();
    r.cur = List.of(CURRENCY);
    r.allimps = 0;
    r.test = 0;

    Imp imp = new Imp();
    imp.id = IMP_ID;
    imp.bidfloor = a.floorMicros() / 1_000.0;
    imp.bidfloorcur = CURRENCY;
    imp.secure = 1;
    Banner banner = new Banner();
    Format format = new Format();
    format.w = 300;
    format.h = 250;
    banner.format = List.of(format);
    imp.banner = banner;
    r.imp = List.of(imp);

    Site site = new Site();
    site.id = "bidarena-partition-" + a.partition();
    site.domain = "bidarena.invalid";
    r.site = site;

    Source source = new Source();
    source.tid = r.id;
    r.source = source;

    User user = new User();
    user.id = Integer.toString(a.customer());
    Segment stage = new Segment();
    stage.id = "stage";
    stage.name = "lifecycle stage";
    stage.value = a.stage().key();
    Data data = new Data();
    data.id = SEGMENT_PROVIDER;
    data.name = SEGMENT_PROVIDER;
    data.segment = List.of(stage);
    user.data = List.of(data);
    ObjectNode seen = JSON.objectNode();
    seen.put("frequency", a.ownFrequency());
    seen.put("lastclick", a.lastClickWasOwn() ? 1 : 0);
    user.ext = JSON.objectNode().set(SEGMENT_PROVIDER, seen);
    r.user = user;

    ObjectNode where = JSON.objectNode();
    where.put("tick", a.tick());
    where.put("partition", a.partition());
    where.put("row", a.row());
    r.ext = JSON.objectNode().set(SEGMENT_PROVIDER, where);
    return r;
  }

  /**
   * The auction a BidRequest describes, for a BidArena agent served as a bidder: the reverse of
   * {@link #toRequest}. What a request from another exchange lacks takes a neutral value: stage awareness,
   * frequency 0, no click, tick/partition/row 0, the first imp's floor, second price.
   */
  public static MarketAuction fromRequest(BidRequest r) {
    Imp imp = r.imp.get(0);
    long floor = imp.bidfloor == null ? 0 : Math.max(0, microsPerImpression(imp.bidfloor));
    com.fasterxml.jackson.databind.JsonNode seen = r.user == null || r.user.ext == null
        ? JSON.objectNode() : r.user.ext.path(SEGMENT_PROVIDER);
    com.fasterxml.jackson.databind.JsonNode where = r.ext == null ? JSON.objectNode() : r.ext.path(SEGMENT_PROVIDER);
    int customer = 0;
    if (r.user != null && r.user.id != null && r.user.id.matches("[0-9]{1,9}")) {
      customer = Integer.parseInt(r.user.id);
    }
    return new MarketAuction(where.path("tick").asLong(0), where.path("partition").asInt(0),
        where.path("row").asInt(0), customer, stageOf(r.user), seen.path("frequency").asInt(0),
        seen.path("lastclick").asInt(0) == 1, floor, r.at != null && r.at == 1 ? AuctionType.FIRST_PRICE
        : AuctionType.SECOND_PRICE, r.tmax == null ? 0 : r.tmax);
  }

  private static org.bidarena.core.customer.Stage stageOf(User user) {
    if (user != null && user.data != null) {
      for (Data d : user.data) {
        if (SEGMENT_PROVIDER.equals(d.id) && d.segment != null) {
          for (Segment s : d.segment) {
            if ("stage".equals(s.id) && s.value != null) {
              try {
                return org.bidarena.core.customer.Stage.fromKey(s.value);
              } catch (IllegalArgumentException e) {
                break;
              }
            }
          }
        }
      }
    }
    return org.bidarena.core.customer.Stage.AWARENESS;
  }

  /** The BidResponse of a served BidArena agent bidding {@code micros} per impression on the request's first imp. */
  public static BidResponse toResponse(BidRequest r, long micros, String seat) {
    Bid bid = new Bid();
    bid.id = r.id + "-1";
    bid.impid = r.imp.get(0).id;
    bid.price = micros / 1_000.0;
    bid.adid = seat + "-ad";
    bid.crid = seat + "-creative";
    bid.adomain = List.of("bidarena.invalid");
    bid.mtype = 1;
    bid.w = 300;
    bid.h = 250;
    bid.adm = "<div>" + seat + "</div>";
    SeatBid seatBid = new SeatBid();
    seatBid.seat = seat;
    seatBid.bid = List.of(bid);
    BidResponse response = new BidResponse();
    response.id = r.id;
    response.cur = CURRENCY;
    response.seatbid = List.of(seatBid);
    return response;
  }

  /** A 204 or an empty body: the bidder declines. */
  public static BidAnswer fromNoContent() {
    return BidAnswer.noBid(NoBidReason.DECLINED, "no content");
  }

  /** The answer in a 200 body for the request of {@code auction}. */
  public static BidAnswer fromBody(MarketAuction auction, String body) {
    if (body == null || body.isBlank()) {
      return fromNoContent();
    }
    BidResponse response;
    try {
      response = OpenRtbJson.readResponse(body);
    } catch (OpenRtbException e) {
      return BidAnswer.noBid(NoBidReason.MALFORMED, e.getMessage());
    }
    return fromResponse(auction, response);
  }

  public static BidAnswer fromResponse(MarketAuction auction, BidResponse response) {
    String requestId = Long.toString(auction.auctionId());
    if (!requestId.equals(response.id)) {
      return BidAnswer.noBid(NoBidReason.MALFORMED,
          "BidResponse.id \"" + response.id + "\" does not match the request id " + requestId);
    }
    if (response.cur != null && !CURRENCY.equals(response.cur)) {
      return BidAnswer.noBid(NoBidReason.MALFORMED, "BidResponse.cur is " + response.cur + "; allowed: " + CURRENCY);
    }
    Bid best = null;
    String bestSeat = null;
    if (response.seatbid != null) {
      for (SeatBid seat : response.seatbid) {
        for (Bid bid : seat.bid) {
          // The first of equal prices wins, so the choice follows the body's order, not a hash.
          if (IMP_ID.equals(bid.impid) && bid.price > 0 && (best == null || bid.price > best.price)) {
            best = bid;
            bestSeat = seat.seat;
          }
        }
      }
    }
    if (best == null) {
      String why = response.nbr != null ? "nbr " + response.nbr : "no bid for impression " + IMP_ID;
      return BidAnswer.noBid(NoBidReason.DECLINED, why);
    }
    long micros = microsPerImpression(best.price);
    if (micros < 0) {
      return BidAnswer.noBid(NoBidReason.MALFORMED, "price " + best.price + " is beyond any budget");
    }
    if (micros < auction.floorMicros() || micros == 0) {
      return BidAnswer.noBid(NoBidReason.BELOW_FLOOR,
          "price " + best.price + " is below the floor " + Macros.cpm(auction.floorMicros()));
    }
    return new BidAnswer(micros, null, null, best, bestSeat, response.bidid);
  }

  /** A CPM in currency units as micros per impression, rounded half-even; -1 when it would not fit. */
  public static long microsPerImpression(double cpm) {
    BigDecimal micros = BigDecimal.valueOf(cpm).movePointRight(3).setScale(0, RoundingMode.HALF_EVEN);
    return micros.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0 ? -1 : micros.longValueExact();
  }

  /** The macro values for notices about {@code answer} to {@code auction}. */
  public static Macros.Values macros(MarketAuction auction, BidAnswer answer, long priceMicros, int loss) {
    Bid bid = answer.bid();
    return new Macros.Values(Long.toString(auction.auctionId()), IMP_ID, answer.responseBidId() != null
        ? answer.responseBidId() : bid.id, answer.seat(), bid.adid, CURRENCY, priceMicros, loss);
  }

  /** The URLs to call after the auction: nurl and burl on a win (the market bills on win), lurl on a loss. */
  public static List<String> notices(MarketAuction auction, BidAnswer answer, boolean won, long clearingMicros,
      int lossReason) {
    if (!answer.isBid()) {
      return List.of();
    }
    Bid bid = answer.bid();
    if (won) {
      Macros.Values v = macros(auction, answer, clearingMicros, Macros.WON);
      return java.util.stream.Stream.of(bid.nurl, bid.burl).filter(u -> u != null && !u.isBlank())
          .map(u -> Macros.fill(u, v)).toList();
    }
    if (bid.lurl == null || bid.lurl.isBlank()) {
      return List.of();
    }
    return List.of(Macros.fill(bid.lurl, macros(auction, answer, -1, lossReason)));
  }
}
