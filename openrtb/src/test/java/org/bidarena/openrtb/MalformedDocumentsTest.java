package org.bidarena.openrtb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each malformed document is refused with one line that names the field and what is wrong. */
class MalformedDocumentsTest {
  private static final String BANNER = "\"banner\":{\"w\":300,\"h\":250}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      empty body           | ``                                                         | BidRequest: the body is empty
      not JSON             | {"id":                                                      | BidRequest: not JSON
      JSON null            | null                                                        | JSON null
      array at top         | []                                                          | BidRequest
      no id                | {"imp":[{"id":"1",BANNER}]}                                 | BidRequest.id is required
      no imp               | {"id":"r1"}                                                 | BidRequest.imp is required
      empty imp            | {"id":"r1","imp":[]}                                        | BidRequest.imp is required
      imp without id       | {"id":"r1","imp":[{BANNER}]}                                | BidRequest.imp[0].id is required
      imp without media    | {"id":"r1","imp":[{"id":"1"}]}                              | BidRequest.imp[0] offers no media
      repeated imp id      | {"id":"r1","imp":[{"id":"1",BANNER},{"id":"1",BANNER}]}     | BidRequest.imp[1].id "1" repeats
      string for integer   | {"id":"r1","imp":[{"id":"1","banner":{"w":"300"}}]}         | BidRequest.imp[0].banner.w
      float for integer    | {"id":"r1","imp":[{"id":"1","banner":{"w":300.5}}]}         | BidRequest.imp[0].banner.w
      number for string    | {"id":1,"imp":[{"id":"1",BANNER}]}                          | BidRequest.id
      object for array     | {"id":"r1","cur":{"USD":1},"imp":[{"id":"1",BANNER}]}       | BidRequest.cur
      negative floor       | {"id":"r1","imp":[{"id":"1","bidfloor":-1,BANNER}]}         | BidRequest.imp[0].bidfloor is -1.0
      site and app         | {"id":"r1","imp":[{"id":"1",BANNER}],"site":{},"app":{}}    | at most one of site, app and dooh
      video without mimes  | {"id":"r1","imp":[{"id":"1","video":{"w":640}}]}            | BidRequest.imp[0].video.mimes is required
      native without req   | {"id":"r1","imp":[{"id":"1","native":{"ver":"1.2"}}]}       | BidRequest.imp[0].native.request is required
      deal without id      | {"id":"r1","imp":[{"id":"1",BANNER,"pmp":{"deals":[{}]}}]}  | BidRequest.imp[0].pmp.deals[0].id is required
      schain node no asi   | {"id":"r1","imp":[{"id":"1",BANNER}],"source":{"schain":{"complete":1,"ver":"1.0","nodes":[{"sid":"1","hp":1}]}}} | BidRequest.source.schain.nodes[0].asi is required
      duplicate key        | {"id":"r1","id":"r2","imp":[{"id":"1",BANNER}]}             | Duplicate field 'id'
      trailing garbage     | {"id":"r1","imp":[{"id":"1",BANNER}]} x                     | BidRequest
      ext not an object    | {"id":"r1","ext":[1],"imp":[{"id":"1",BANNER}]}             | BidRequest.ext
      """)
  void malformedRequestShouldBeRefusedWithAClearReason(String what, String json, String reason) {
    String body = json == null ? "" : json.replace("BANNER", BANNER);
    assertThatThrownBy(() -> OpenRtbJson.readRequest(body))
        .isInstanceOf(OpenRtbException.class)
        .hasMessageContaining(reason)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      no id              | {"seatbid":[]}                                                  | BidResponse.id is required
      seatbid no bids    | {"id":"r1","seatbid":[{"seat":"a"}]}                             | BidResponse.seatbid[0].bid is required
      bid without price  | {"id":"r1","seatbid":[{"bid":[{"id":"b","impid":"1"}]}]}         | BidResponse.seatbid[0].bid[0].price is required
      bid without impid  | {"id":"r1","seatbid":[{"bid":[{"id":"b","price":1}]}]}           | BidResponse.seatbid[0].bid[0].impid is required
      negative price     | {"id":"r1","seatbid":[{"bid":[{"id":"b","impid":"1","price":-2}]}]} | price is -2.0
      price as string    | {"id":"r1","seatbid":[{"bid":[{"id":"b","impid":"1","price":"2"}]}]} | BidResponse.seatbid[0].bid[0].price
      html body          | <html>500</html>                                                | BidResponse: not JSON
      """)
  void malformedResponseShouldBeRefusedWithAClearReason(String what, String json, String reason) {
    assertThatThrownBy(() -> OpenRtbJson.readResponse(json))
        .isInstanceOf(OpenRtbException.class)
        .hasMessageContaining(reason);
  }
}
