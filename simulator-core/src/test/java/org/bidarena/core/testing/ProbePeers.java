package org.bidarena.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.RecipientRef;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Peers;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;

/**
 * {@link Peers} for actor tests: one {@link TestProbe} per customer shard, exchange partition and agent
 * of the scenario, and one for the Driver, so a test can check who got which message of a tick.
 */
public final class ProbePeers implements Peers {
  private final List<TestProbe<ShardProtocol.Command>> shards = new ArrayList<>();
  private final List<TestProbe<ExchangeProtocol.Command>> exchanges = new ArrayList<>();
  private final List<TestProbe<BidderProtocol.Command>> bidders = new ArrayList<>();
  private final TestProbe<DriverProtocol.Command> driver;

  public ProbePeers(ActorTestKit testKit, Scenario scenario) {
    for (int k = 0; k < scenario.shards(); k++) {
      shards.add(testKit.createTestProbe("shard-" + k, ShardProtocol.Command.class));
    }
    for (int p = 0; p < scenario.partitions(); p++) {
      exchanges.add(testKit.createTestProbe("exchange-" + p, ExchangeProtocol.Command.class));
    }
    for (int a = 0; a < scenario.agentCount(); a++) {
      bidders.add(testKit.createTestProbe("bidder-" + a, BidderProtocol.Command.class));
    }
    driver = testKit.createTestProbe("driver", DriverProtocol.Command.class);
  }

  /**
   * The small market the actor tests share: 40 customers in 4 shards, 2 exchange partitions, days of 4
   * ticks with a checkpoint every 2, seed 7, and the given agents block (HOCON, e.g.
   * {@code a{strategy=fixed},b{strategy=aggressive}}).
   */
  public static Scenario smallMarket(int days, String agents) {
    return ScenarioLoader.loadDefault(List.of(
        "customers.count=40", "customers.shards=4", "exchange.partitions=2", "time.days=" + days,
        "time.ticks-per-day=4", "journal.checkpoint-every-ticks=2", "agents={" + agents + "}"), 7L,
        TestCatalog.installedOrStandIn());
  }

  public TestProbe<ShardProtocol.Command> shardProbe(int shard) {
    return shards.get(shard);
  }

  public TestProbe<ExchangeProtocol.Command> exchangeProbe(int partition) {
    return exchanges.get(partition);
  }

  public TestProbe<BidderProtocol.Command> bidderProbe(int agent) {
    return bidders.get(agent);
  }

  public TestProbe<DriverProtocol.Command> driverProbe() {
    return driver;
  }

  /** Asserts that no peer receives anything for the given time. */
  public void expectNoMessages(Duration within) {
    driver.expectNoMessage(within);
    Duration none = Duration.ofMillis(1);
    shards.forEach(p -> p.expectNoMessage(none));
    exchanges.forEach(p -> p.expectNoMessage(none));
    bidders.forEach(p -> p.expectNoMessage(none));
  }

  @Override
  public RecipientRef<ShardProtocol.Command> shard(int shard) {
    return shards.get(shard).ref();
  }

  @Override
  public RecipientRef<ExchangeProtocol.Command> exchange(int partition) {
    return exchanges.get(partition).ref();
  }

  @Override
  public RecipientRef<BidderProtocol.Command> bidder(int agent) {
    return bidders.get(agent).ref();
  }

  @Override
  public RecipientRef<DriverProtocol.Command> driver() {
    return driver.ref();
  }
}
