package org.bidarena.openrtb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.protocol.BidderProtocol.BidRequests;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.openrtb.market.BidAnswer;
import org.bidarena.openrtb.market.MarketAuction;
import org.bidarena.openrtb.market.NoBidReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The client against the reference Node bidder, well-behaved and not. */
class OpenRtbClientNodeTest {
  private static final ActorTestKit KIT = ActorTestKit.create();
  private static final int N = 60;

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  /** 60 auctions over the six stages; every tenth customer has seen the agent 6 times; floor 1.0 USD CPM. */
  static List<MarketAuction> auctions() {
    int[] customers = new int[N];
    byte[] stages = new byte[N];
    byte[] frequency = new byte[N];
    byte[] lastClick = new byte[N];
    for (int i = 0; i < N; i++) {
      customers[i] = 1000 + i;
      stages[i] = (byte) (i % Stage.COUNT);
      frequency[i] = (byte) (i % 10 == 9 ? 6 : 1);
      lastClick[i] = (byte) (i % 7 == 0 ? 0 : -1);
    }
    VisitBatch.Builder visits = new VisitBatch.Builder(N);
    for (int i = 0; i < N; i++) {
      visits.visit(customers[i], stages[i]);
      if (frequency[i] > 0 || lastClick[i] == 0) {
        visits.memory(0, frequency[i], VisitBatch.NEVER, lastClick[i] == 0 ? 4 : VisitBatch.NEVER);
      }
    }
    VisitBatch batch = visits.build();
    BidRequests request = new BidRequests(5, 1, batch.auctions(), OwnMemory.split(batch, 1)[0], 1_000);
    List<MarketAuction> out = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      out.add(MarketAuction.of(request, i, AuctionType.SECOND_PRICE, 300));
    }
    return out;
  }

  static Map<NoBidReason, Long> count(List<BidAnswer> answers) {
    return answers.stream().filter(a -> !a.isBid())
        .collect(Collectors.groupingBy(BidAnswer::reason, Collectors.counting()));
  }

  @Test
  void wellBehavedBidderShouldBidItsDocumentedStrategy() throws Exception {
    try (NodeBidder node = NodeBidder.start("normal")) {
      var client = new OpenRtbClient(KIT.system(), node.endpoint(), Duration.ofSeconds(5), 4);
      List<BidAnswer> answers = client.ask(auctions()).toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(answers).hasSize(N);
      // row 2: consideration, base 2.0 x 1.6 = 3.2 USD CPM = 3,200 micros per impression
      assertThat(answers.get(2).bidMicros()).isEqualTo(3_200);
      // row 0: awareness 0.6 x 1.25 (its last click was ours) = 1.5 USD CPM
      assertThat(answers.get(0).bidMicros()).isEqualTo(1_500);
      // row 9 has frequency 6: declined; purchase (0.8 CPM) is under the 1.0 floor: declined by the bidder
      assertThat(answers.get(9).reason()).isEqualTo(NoBidReason.DECLINED);
      assertThat(answers.get(3).reason()).isEqualTo(NoBidReason.DECLINED);
      assertThat(count(answers)).containsOnlyKeys(NoBidReason.DECLINED);
      // the answers are the same the second time: the strategy is deterministic
      List<BidAnswer> again = client.ask(auctions()).toCompletableFuture().get(30, TimeUnit.SECONDS);
      Function<List<BidAnswer>, List<Long>> micros = l -> l.stream().map(BidAnswer::bidMicros).toList();
      assertThat(micros.apply(again)).isEqualTo(micros.apply(answers));
    }
  }

  // The machine running the tests may be loaded, so a bidder that answers gets a generous tmax; one that
  // never answers in time gets a short one.
  @Test
  void hangingBidderShouldGiveTimeoutsAndNotStall() throws Exception {
    assertEveryAnswerIs("hang", Duration.ofMillis(300), NoBidReason.TIMEOUT);
  }

  @Test
  void realTimeBatchShouldEndAtItsDeadlineWhereOneTmaxPerRequestWouldQueueBehindHungConnections() throws Exception {
    try (NodeBidder node = NodeBidder.start("hang")) {
      // given 60 requests over 4 connections: one tmax each would hold every connection until its 1 s idle
      // timeout, about 15 s in all
      var client = new OpenRtbClient(KIT.system(), node.endpoint(), Duration.ofMillis(300), 4);
      // when
      List<BidAnswer> answers = client.askWithin(auctions(), Duration.ofMillis(300)).toCompletableFuture()
          .get(5, java.util.concurrent.TimeUnit.SECONDS);
      // then
      assertThat(answers).hasSize(N).allSatisfy(a -> assertThat(a.reason()).isEqualTo(NoBidReason.TIMEOUT));
    }
  }

  @Test
  void realTimeBatchShouldGiveAWellBehavedBiddersAnswers() throws Exception {
    try (NodeBidder node = NodeBidder.start("normal")) {
      var client = new OpenRtbClient(KIT.system(), node.endpoint(), Duration.ofSeconds(5), 4);
      List<BidAnswer> perRequest = client.ask(auctions()).toCompletableFuture().get();
      List<BidAnswer> batch = client.askWithin(auctions(), Duration.ofSeconds(5)).toCompletableFuture().get();
      assertThat(batch.stream().map(BidAnswer::bidMicros).toList())
          .isEqualTo(perRequest.stream().map(BidAnswer::bidMicros).toList());
      assertThat(client.askWithin(List.of(), Duration.ofSeconds(1)).toCompletableFuture().get()).isEmpty();
    }
  }

  @Test
  void slowBidderShouldGiveTimeouts() throws Exception {
    assertEveryAnswerIs("slow", Duration.ofMillis(300), NoBidReason.TIMEOUT);
  }

  @Test
  void failingBidderShouldGiveStatusNoBids() throws Exception {
    assertEveryAnswerIs("error500", Duration.ofSeconds(5), NoBidReason.HTTP_STATUS);
  }

  @Test
  void garbageShouldGiveMalformedNoBids() throws Exception {
    assertEveryAnswerIs("garbage", Duration.ofSeconds(5), NoBidReason.MALFORMED);
  }

  @Test
  void absentBidderShouldGiveTransportNoBids() throws Exception {
    var client = new OpenRtbClient(KIT.system(), "http://127.0.0.1:1/bid", Duration.ofMillis(300), 4);
    List<BidAnswer> answers = client.ask(auctions()).toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(answers).allSatisfy(a -> assertThat(a.reason()).isIn(NoBidReason.TRANSPORT, NoBidReason.TIMEOUT));
  }

  private static void assertEveryAnswerIs(String mode, Duration tmax, NoBidReason reason) throws Exception {
    try (NodeBidder node = NodeBidder.start(mode)) {
      var client = new OpenRtbClient(KIT.system(), node.endpoint(), tmax, 8);
      List<BidAnswer> answers = client.ask(auctions()).toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertThat(answers).hasSize(N);
      assertThat(count(answers)).as(answers.stream().map(BidAnswer::detail).distinct().toList().toString())
          .isEqualTo(Map.of(reason, (long) N));
      assertThat(answers.get(0).detail()).isNotBlank();
    }
  }
}
