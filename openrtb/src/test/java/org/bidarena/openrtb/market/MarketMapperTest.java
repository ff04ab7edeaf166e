package org.bidarena.openrtb.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.bidarena.core.customer.Stage;
import org.bidarena.core.protocol.AuctionId;
import org.bidarena.core.protocol.BidderProtocol.BidRequests;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.openrtb.OpenRtbJson;
import org.bidarena.openrtb.model.BidRequest;
import org.junit.jupiter.api.Test;

class MarketMapperTest {
  // two agents; row 1 is customer 42 in consideration, seen 3 times by agent 1, who had its last click
  private static final AuctionBatch BATCH = new AuctionBatch(new int[] {7, 42},
      new byte[] {Stage.AWARENESS.code(), Stage.CONSIDERATION.code()}, new short[2], new byte[2], new int[2],
      new byte[2]);
  // agent 1's own memory: row 1 seen 3 times today, last clicked at tick 10
  private static final BidRequests REQUESTS = new BidRequests(12, 3, BATCH,
      new OwnMemory(new int[] {1}, new byte[] {3}, new int[] {VisitBatch.NEVER}, new int[] {10}), 1_500);
  private static final MarketAuction AUCTION = MarketAuction.of(REQUESTS, 1, AuctionType.SECOND_PRICE, 80);
  private static final String ID = Long.toString(AuctionId.of(12, 3, 1));

  @Test
  void requestShouldCarryWhatTheMarketShowsThisBidder() {
    // when
    BidRequest r = MarketMapper.toRequest(AUCTION);
    // then
    assertThat(r.id).isEqualTo(ID);
    assertThat(r.tmax).isEqualTo(80);
    assertThat(r.at).isEqualTo(2);
    assertThat(r.cur).containsExactly("USD");
    assertThat(r.imp).singleElement().satisfies(imp -> {
      assertThat(imp.id).isEqualTo("1");
      assertThat(imp.bidfloor).isEqualTo(1.5); // 1,500 micros per impression = 1.50 USD CPM
      assertThat(imp.bidfloorcur).isEqualTo("USD");
    });
    assertThat(r.user.id).isEqualTo("42");
    assertThat(r.user.data.get(0).segment.get(0).value).isEqualTo("consideration");
    assertThat(r.user.ext.at("/bidarena/frequency").asInt()).isEqualTo(3);
    assertThat(r.user.ext.at("/bidarena/lastclick").asInt()).isEqualTo(1);
    assertThat(r.ext.at("/bidarena/tick").asLong()).isEqualTo(12);
    assertThat(r.ext.at("/bidarena/row").asInt()).isEqualTo(1);
    // and it is a valid 2.6 request that survives the wire
    assertThat(OpenRtbJson.write(OpenRtbJson.readRequest(OpenRtbJson.write(r)))).isEqualTo(OpenRtbJson.write(r));
  }

  @Test
  void fromRequestShouldGiveBackTheAuctionThatToRequestWrote() {
    // when: through the wire, as a served BidArena agent reads it
    BidRequest wire = OpenRtbJson.readRequest(OpenRtbJson.write(MarketMapper.toRequest(AUCTION)));
    // then
    assertThat(MarketMapper.fromRequest(wire)).isEqualTo(AUCTION);
    assertThat(MarketMapper.fromRequest(MarketMapper.toRequest(MarketAuction.of(REQUESTS, 0, AuctionType.FIRST_PRICE, 80))))
        .isEqualTo(MarketAuction.of(REQUESTS, 0, AuctionType.FIRST_PRICE, 80));
  }

  @Test
  void fromRequestShouldReadAForeignRequestAsANeverSeenAwarenessCustomer() {
    // given a request of another exchange: no BidArena segment or ext, a user id that is not a number
    BidRequest foreign = OpenRtbJson.readRequest(
        "{\"id\":\"x\",\"imp\":[{\"id\":\"a\",\"banner\":{\"w\":300,\"h\":250},\"bidfloor\":0.25}],"
            + "\"site\":{\"id\":\"s\"},\"user\":{\"id\":\"u-9\"}}");
    // when
    MarketAuction read = MarketMapper.fromRequest(foreign);
    // then
    assertThat(read).isEqualTo(new MarketAuction(0, 0, 0, 0, Stage.AWARENESS, 0, false, 250, AuctionType.SECOND_PRICE, 0));
  }

  @Test
  void firstPriceAuctionShouldBeAtOne() {
    var first = MarketAuction.of(REQUESTS, 0, AuctionType.FIRST_PRICE, 80);
    assertThat(MarketMapper.toRequest(first).at).isEqualTo(1);
    assertThat(first.lastClickWasOwn()).isFalse();
    assertThat(first.ownFrequency()).isZero();
  }

  @Test
  void priceShouldBecomeMicrosPerImpressionAsCpmTimesAThousand() {
    BidAnswer a = MarketMapper.fromBody(AUCTION, response("2.75", "USD"));
    assertThat(a.isBid()).isTrue();
    assertThat(a.bidMicros()).isEqualTo(2_750);
    assertThat(a.seat()).isEqualTo("seat-9");
    assertThat(MarketMapper.microsPerImpression(0.0015)).isEqualTo(2); // 1.5 micros rounds half-even
  }

  @Test
  void highestBidForOurImpressionShouldBeChosen() {
    String body = "{\"id\":\"" + ID + "\",\"seatbid\":[{\"seat\":\"a\",\"bid\":[{\"id\":\"x\",\"impid\":\"9\",\"price\":99}"
        + ",{\"id\":\"y\",\"impid\":\"1\",\"price\":2}]},{\"seat\":\"b\",\"bid\":[{\"id\":\"z\",\"impid\":\"1\",\"price\":3}]}]}";
    BidAnswer a = MarketMapper.fromBody(AUCTION, body);
    assertThat(a.bidMicros()).isEqualTo(3_000);
    assertThat(a.bid().id).isEqualTo("z");
  }

  @Test
  void everyBadAnswerShouldBeANoBidWithItsReason() {
    assertThat(MarketMapper.fromBody(AUCTION, "").reason()).isEqualTo(NoBidReason.DECLINED);
    assertThat(MarketMapper.fromBody(AUCTION, "{\"id\":\"" + ID + "\",\"nbr\":2}").detail()).isEqualTo("nbr 2");
    assertThat(MarketMapper.fromBody(AUCTION, "garbage").reason()).isEqualTo(NoBidReason.MALFORMED);
    assertThat(MarketMapper.fromBody(AUCTION, response("1.49", "USD")).reason()).isEqualTo(NoBidReason.BELOW_FLOOR);
    assertThat(MarketMapper.fromBody(AUCTION, response("2", "EUR")).detail()).contains("cur is EUR");
    BidAnswer other = MarketMapper.fromBody(AUCTION, response("2", "USD").replace(ID, "17"));
    assertThat(other.reason()).isEqualTo(NoBidReason.MALFORMED);
    assertThat(other.detail()).contains("does not match the request id");
    assertThat(MarketMapper.fromBody(AUCTION, response("1e300", "USD")).reason()).isEqualTo(NoBidReason.MALFORMED);
  }

  @Test
  void winNoticesShouldCarryTheClearingPriceAndEveryMacro() {
    BidAnswer a = MarketMapper.fromBody(AUCTION, response("2.75", "USD"));
    var urls = MarketMapper.notices(AUCTION, a, true, 1_800, Macros.WON);
    assertThat(urls).containsExactly(
        "http://127.0.0.1/win?p=1.8&a=" + ID + "&i=1&b=resp-1&s=seat-9&ad=ad-3&c=USD&l=0",
        "http://127.0.0.1/bill?p=1.8");
    assertThat(MarketMapper.notices(AUCTION, a, false, 0, Macros.LOST_TO_HIGHER_BID))
        .containsExactly("http://127.0.0.1/loss?r=102&p=");
  }

  @Test
  void cpmShouldBeWrittenPlainly() {
    assertThat(Macros.cpm(2_750)).isEqualTo("2.75");
    assertThat(Macros.cpm(3_000)).isEqualTo("3");
    assertThat(Macros.cpm(1)).isEqualTo("0.001");
  }

  private static String response(String price, String cur) {
    return """
        {"id":"%s","bidid":"resp-1","cur":"%s","seatbid":[{"seat":"seat-9","bid":[{"id":"b1","impid":"1","price":%s,
        "adid":"ad-3","adm":"<img src='x'>",
        "nurl":"http://127.0.0.1/win?p=${AUCTION_PRICE}&a=${AUCTION_ID}&i=${AUCTION_IMP_ID}&b=${AUCTION_BID_ID}&s=${AUCTION_SEAT_ID}&ad=${AUCTION_AD_ID}&c=${AUCTION_CURRENCY}&l=${AUCTION_LOSS}",
        "burl":"http://127.0.0.1/bill?p=${AUCTION_PRICE}",
        "lurl":"http://127.0.0.1/loss?r=${AUCTION_LOSS}&p=${AUCTION_PRICE}"}]}]}
        """.formatted(ID, cur, price);
  }
}
