package org.bidarena.openrtb.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bidarena.core.external.ExternalAnswers;
import org.bidarena.core.external.ExternalBidder;
import org.bidarena.core.protocol.BidderProtocol.BidRequests;
import org.bidarena.core.protocol.BidderProtocol.WinNotice;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.openrtb.client.OpenRtbClient;
import org.bidarena.openrtb.market.BidAnswer;
import org.bidarena.openrtb.market.Macros;
import org.bidarena.openrtb.market.MarketAuction;
import org.bidarena.openrtb.market.MarketMapper;
import org.bidarena.openrtb.market.NoBidReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's OpenRTB 2.6 bidder: asks it one request per impression through {@link OpenRtbClient}, turns
 * the answers into {@link ExternalAnswers}, and after the auction calls the win, billing and loss notices of
 * the bids it got, with the macros filled in.
 *
 * <p>Only answers asked live have notices: an answer read back from the journal (resume, rewind) was
 * noticed, or not, by the run that asked it. The first no-bid of each reason is logged as a warning with
 * its detail, the rest at debug level; summary.json counts them all.
 */
public final class OpenRtbBidder implements ExternalBidder {
  private static final Logger LOG = LoggerFactory.getLogger(OpenRtbBidder.class);

  private final String agent;
  private final OpenRtbClient client;
  private final AuctionType type;
  private final int tmaxMs;
  private final boolean realTime;
  /** The bids of auctions not yet settled, by auction id: written by the ask, read by the win notice. */
  private final Map<Long, Asked> live = new ConcurrentHashMap<>();
  private final Set<NoBidReason> logged = ConcurrentHashMap.newKeySet();

  private record Asked(MarketAuction auction, BidAnswer answer) {}

  /** @param realTime whether a partition's requests share one wall-clock deadline of tmax (real-time mode) */
  public OpenRtbBidder(ActorSystem<?> system, String agent, String endpoint, AuctionType type, int tmaxMs,
      int concurrency, boolean realTime) {
    this.realTime = realTime;
    this.agent = agent;
    this.client = new OpenRtbClient(system, endpoint, Duration.ofMillis(tmaxMs), concurrency);
    this.type = type;
    this.tmaxMs = tmaxMs;
  }

  /** The {@link ExternalBidder.Connector} of the openrtb module, named in its META-INF/services. */
  public static final class Connector implements ExternalBidder.Connector {
    @Override
    public ExternalBidder connect(ActorSystem<?> system, Scenario scenario, AgentSpec agent) {
      return new OpenRtbBidder(system, agent.id(), agent.settings().string("endpoint"), scenario.auction().type(),
          (int) agent.settings().integer("tmax"), (int) agent.settings().integer("concurrency"),
          agent.settings().integer("real-time") == 1);
    }
  }

  @Override
  public CompletionStage<ExternalAnswers> ask(BidRequests request, int[] rows) {
    List<MarketAuction> auctions = new ArrayList<>(rows.length);
    for (int row : rows) {
      auctions.add(MarketAuction.of(request, row, type, tmaxMs));
    }
    var asked = realTime ? client.askWithin(auctions, Duration.ofMillis(tmaxMs)) : client.ask(auctions);
    return asked.thenApply(answers -> answers(request, rows, auctions, answers));
  }

  private ExternalAnswers answers(BidRequests request, int[] rows, List<MarketAuction> auctions,
      List<BidAnswer> answers) {
    long[] bids = new long[rows.length];
    String[] reasons = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      BidAnswer a = answers.get(i);
      if (a.isBid()) {
        bids[i] = a.bidMicros();
        reasons[i] = "";
        live.put(auctions.get(i).auctionId(), new Asked(auctions.get(i), a));
      } else {
        reasons[i] = a.reason().key();
        log(auctions.get(i), a);
      }
    }
    return new ExternalAnswers(request.tick(), request.partition(), rows, bids, reasons);
  }

  private void log(MarketAuction auction, BidAnswer answer) {
    if (answer.reason() == NoBidReason.DECLINED) {
      return;
    }
    if (logged.add(answer.reason())) {
      LOG.warn("agent {}: auction {} is a no-bid ({}): {}; further ones are counted in summary.json", agent,
          auction.auctionId(), answer.reason().key(), shortened(answer.detail()));
    } else {
      LOG.debug("agent {}: auction {} is a no-bid ({}): {}", agent, auction.auctionId(), answer.reason().key(),
          answer.detail());
    }
  }

  /** A detail's first line, at most 200 characters: Pekko's pool errors print their whole settings. */
  private static String shortened(String detail) {
    String line = String.valueOf(detail).lines().findFirst().orElse("");
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }

  @Override
  public void settle(WinNotice notice) {
    Map<Long, Long> won = new HashMap<>();
    for (int i = 0; i < notice.auctionIds().length; i++) {
      won.put(notice.auctionIds()[i], notice.pricesMicros()[i]);
    }
    List<String> urls = new ArrayList<>();
    for (Iterator<Asked> it = live.values().iterator(); it.hasNext(); ) {
      Asked asked = it.next();
      if (asked.auction().tick() != notice.tick() || asked.auction().partition() != notice.partition()) {
        continue;
      }
      Long price = won.get(asked.auction().auctionId());
      urls.addAll(price != null
          ? MarketMapper.notices(asked.auction(), asked.answer(), true, price, Macros.WON)
          : MarketMapper.notices(asked.auction(), asked.answer(), false, 0, Macros.LOST_TO_HIGHER_BID));
      it.remove();
    }
    client.fire(urls);
  }
}
