package org.bidarena.agents.external;

import java.net.URI;
import java.util.List;
import org.bidarena.agents.BidContext;
import org.bidarena.agents.BiddingStrategy;
import org.bidarena.agents.StrategyEntry;
import org.bidarena.core.external.ExternalAnswers;
import org.bidarena.core.external.ExternalBidder;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.Setting;

/**
 * The bids of an external bidder: the Bidder actor hands it a partition's journaled answers before it plans
 * that partition, and it bids what the answer for each row says. Stage targeting, the frequency cap and the
 * clamp into [min-bid, max-bid] still apply, as for every agent.
 */
public final class ExternalStrategy implements BiddingStrategy {
  private ExternalAnswers answers;

  /** The answers the next {@link #bid} calls read, for one (tick, partition). */
  public void use(ExternalAnswers answers) {
    this.answers = answers;
  }

  @Override
  public long bid(BidContext context) {
    return answers == null ? 0 : answers.bidFor(context.row());
  }

  /** The catalog entry {@code openrtb}: an OpenRTB 2.6 bidder at {@code endpoint}, asked once per impression. */
  public static final class Entry implements StrategyEntry {
    @Override
    public String name() {
      return ExternalBidder.STRATEGY;
    }

    @Override
    public List<Setting> settings() {
      return List.of(
          Setting.text("endpoint", "URL", "the bidder's http URL, e.g. http://127.0.0.1:9001/bid"),
          Setting.integer("tmax", 10, 10_000, 100, "ms", "how long the bidder has to answer one request"),
          Setting.integer("concurrency", 1, 1024, 16, "connections", "requests open at once (the keep-alive pool)"),
          Setting.integer("real-time", 0, 1, 0, "flag", "1: a partition's requests share one wall-clock deadline of"
              + " tmax, and what is late is a no-bid, as an exchange would; 0: each request has its own tmax"));
    }

    @Override
    public void check(AgentSpec agent, Scenario scenario) {
      String endpoint = agent.settings().string("endpoint");
      URI uri;
      try {
        uri = new URI(endpoint);
      } catch (Exception e) {
        throw new IllegalArgumentException("endpoint '" + endpoint + "' is not a URL; allowed: http://HOST:PORT/PATH");
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("endpoint '" + endpoint + "' is not an http(s) URL with a host; allowed: "
            + "http://HOST:PORT/PATH");
      }
    }

    @Override
    public BiddingStrategy build(AgentSpec agent, int agentIndex, Scenario scenario, SeededStreams streams) {
      return new ExternalStrategy();
    }
  }
}
