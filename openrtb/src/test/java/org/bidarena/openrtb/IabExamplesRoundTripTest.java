package org.bidarena.openrtb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.stream.Stream;
import org.bidarena.openrtb.model.BidRequest;
import org.bidarena.openrtb.model.BidResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IAB's published 2.6 examples (and a request and a response that use every 2.6 addition, vendor
 * fields and ext objects) read and written again give the same JSON tree: nothing is lost or changed.
 */
class IabExamplesRoundTripTest {
  /** Numbers compare by value: 3.00 and 3.0 are the same price, but 3 and 3.5 are not. */
  private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
    if (a instanceof NumericNode x && b instanceof NumericNode y) {
      return x.decimalValue().compareTo(y.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  static Stream<String> requests() {
    return Stream.of("simple-banner", "expandable-creative", "mobile-app", "video", "native", "pmp-direct-deal",
        "full-2.6-app");
  }

  static Stream<String> responses() {
    return Stream.of("ad-served-on-win", "vast-inline", "direct-deal", "native-inline", "full-2.6", "no-bid");
  }

  @ParameterizedTest
  @MethodSource("requests")
  void requestShouldRoundTripWithNoFieldLost(String name) throws IOException {
    // given
    String json = resource("iab/requests/" + name + ".json");
    // when
    BidRequest request = OpenRtbJson.readRequest(json);
    String written = OpenRtbJson.write(request);
    // then
    assertSameTree(OpenRtbJson.tree(json), OpenRtbJson.tree(written));
    assertThat(OpenRtbJson.write(OpenRtbJson.readRequest(written))).isEqualTo(written);
  }

  @ParameterizedTest
  @MethodSource("responses")
  void responseShouldRoundTripWithNoFieldLost(String name) throws IOException {
    String json = resource("iab/responses/" + name + ".json");
    BidResponse response = OpenRtbJson.readResponse(json);
    String written = OpenRtbJson.write(response);
    assertSameTree(OpenRtbJson.tree(json), OpenRtbJson.tree(written));
  }

  @org.junit.jupiter.api.Test
  void typedFieldsShouldHoldTheExampleValuesAndUnknownOnesShouldBeKeptApart() throws IOException {
    BidRequest video = OpenRtbJson.readRequest(resource("iab/requests/video.json"));
    assertThat(video.tmax).isEqualTo(120);
    assertThat(video.imp.get(0).video.companionad).hasSize(2);
    assertThat(video.imp.get(0).video.unknownFields()).containsKey("apis");
    BidRequest full = OpenRtbJson.readRequest(resource("iab/requests/full-2.6-app.json"));
    assertThat(full.regs.gppSid).containsExactly(2, 6);
    assertThat(full.device.sua.browsers.get(0).version).containsExactly("120", "0", "6099");
    assertThat(full.imp.get(0).video.durfloors.get(1).bidfloor).isEqualTo(2.0);
    assertThat(full.imp.get(0).ext.at("/prebid/bidder/appnexus/placement_id").asInt()).isEqualTo(13144370);
    assertThat(full.unknownFields()).containsOnlyKeys("vendorfield");
  }

  private static void assertSameTree(JsonNode expected, JsonNode actual) {
    assertThat(expected.equals(BY_VALUE, actual))
        .as("round trip changed the JSON:%n expected %s%n actual   %s", expected, actual)
        .isTrue();
  }

  static String resource(String path) throws IOException {
    try (InputStream in = IabExamplesRoundTripTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
