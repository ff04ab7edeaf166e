package org.bidarena.core.external;

import java.util.ServiceLoader;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bidarena.core.protocol.BidderProtocol.BidRequests;
import org.bidarena.core.protocol.BidderProtocol.WinNotice;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * A bidder outside the JVM that an agent's Bidder actor asks for its bids, such as an OpenRTB endpoint. The
 * agents module knows only this interface; the openrtb module provides it through a {@link Connector}
 * found with {@link ServiceLoader}, so neither module imports the other.
 */
public interface ExternalBidder {
  /** The strategy name of agents whose bids come from outside. */
  String STRATEGY = "openrtb";

  /**
   * The answers about these rows of a partition's requests. Never fails: every failure is a no-bid with a
   * reason, and the stage completes in bounded time however the bidder behaves.
   */
  CompletionStage<ExternalAnswers> ask(BidRequests request, int[] rows);

  /** Sends the win, billing and loss notices of the partition's auctions this bidder was asked about live. */
  void settle(WinNotice notice);

  /** Makes the external bidder of one agent. */
  interface Connector {
    ExternalBidder connect(ActorSystem<?> system, Scenario scenario, AgentSpec agent);
  }

  /** The agent's external bidder, from the connector on the class path. */
  static ExternalBidder connect(ActorSystem<?> system, Scenario scenario, AgentSpec agent) {
    Connector connector = ServiceLoader.load(Connector.class, Connector.class.getClassLoader()).findFirst()
        .orElseThrow(() -> new IllegalStateException("agent " + agent.id() + " uses strategy " + STRATEGY
            + " but no external-bidder connector (the openrtb module) is on the class path"));
    return connector.connect(system, scenario, agent);
  }
}
