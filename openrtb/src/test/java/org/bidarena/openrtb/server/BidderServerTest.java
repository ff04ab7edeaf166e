package org.bidarena.openrtb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.bidarena.openrtb.OpenRtbJson;
import org.bidarena.openrtb.model.BidResponse;
import org.junit.jupiter.api.Test;

class BidderServerTest {
  private static final String REQUEST = "{\"id\":\"42\",\"imp\":[{\"id\":\"7\",\"banner\":{\"w\":300,\"h\":250},"
      + "\"bidfloor\":1.0}],\"site\":{\"id\":\"s\"},\"user\":{\"id\":\"3\",\"data\":[{\"id\":\"bidarena\","
      + "\"segment\":[{\"id\":\"stage\",\"value\":\"interest\"}]}]}}";

  @Test
  void aPricedAuctionShouldBeAValidBidResponseForTheRequestsImpInCpm() throws Exception {
    // given an agent that bids 2,750 micros per impression on interest
    BidderServer server = new BidderServer(a -> a.stage().key().equals("interest") ? 2_750 : 0, "seat-a");
    // when
    HttpResponse response = server.answer(REQUEST);
    // then
    assertThat(response.status().intValue()).isEqualTo(200);
    BidResponse body = OpenRtbJson.readResponse(text(response));
    assertThat(body.id).isEqualTo("42");
    assertThat(body.seatbid.get(0).seat).isEqualTo("seat-a");
    assertThat(body.seatbid.get(0).bid.get(0).impid).isEqualTo("7");
    assertThat(body.seatbid.get(0).bid.get(0).price).isEqualTo(2.75);
  }

  @Test
  void noPriceOrAPriceUnderTheFloorShouldBe204() {
    assertThat(new BidderServer(a -> 0, "s").answer(REQUEST).status().intValue()).isEqualTo(204);
    assertThat(new BidderServer(a -> 999, "s").answer(REQUEST).status().intValue()).isEqualTo(204);
  }

  @Test
  void aMalformedRequestShouldBe400NamingWhatIsWrong() throws Exception {
    HttpResponse response = new BidderServer(a -> 1_000, "s").answer("{\"id\":\"1\",\"imp\":[]}");
    assertThat(response.status().intValue()).isEqualTo(400);
    assertThat(text(response)).contains("imp");
  }

  private static String text(HttpResponse response) throws Exception {
    return ((HttpEntity.Strict) response.entity()).getData().utf8String();
  }
}
