package org.bidarena.app.bidder;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.bidarena.agents.external.ServedAgent;
import org.bidarena.analysis.BadInput;
import org.bidarena.app.command.ScenarioArgument;
import org.bidarena.core.external.ExternalBidder;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.openrtb.server.BidderServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "bidder",
    mixinStandardHelpOptions = true,
    description = {
      "Serves one agent of a scenario as an OpenRTB 2.6 bidder: POST a BidRequest, get a BidResponse or 204.",
      "The agent prices each request's first imp as it would in the market (its stages, frequency cap,"
          + " strategy and the scenario's min and max bid), reading the stage, frequency and last click that"
          + " BidArena puts in user.data and user.ext.bidarena; a request without them is an awareness customer"
          + " never seen. It binds to 127.0.0.1 unless --host says otherwise, and prints 'listening on PORT'."
    })
public final class BidderCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.conf",
      description = "The scenario the agent is declared in (default: the default scenario).")
  Path scenarioFile;

  @Option(names = "--agent", required = true, paramLabel = "ID", description = "The agent to serve.")
  String agentId;

  @Option(names = "--port", paramLabel = "N", description = "The port (default: 9001; 0 picks a free one).")
  int port = 9001;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to bind (default: 127.0.0.1).")
  String host = "127.0.0.1";

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides one scenario key. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new BadInput("--port " + port + " is out of range: 0 to 65535");
    }
    Scenario scenario = ScenarioLoader.load(ScenarioArgument.check(scenarioFile), overrides, null);
    int index = agentIndexOf(scenario);
    ServedAgent agent = new ServedAgent(scenario, index);
    BidderServer server = new BidderServer(a -> agent.price(a.tick(), a.partition(), a.customer(), a.stage(),
        a.ownFrequency(), a.lastClickWasOwn()), agentId);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bidarena-bidder",
        ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING")
            .withFallback(ConfigFactory.defaultReference()));
    ServerBinding binding;
    try {
      binding = server.bind(system, host, port).toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      system.terminate();
      throw new BadInput("cannot listen on " + host + ":" + port + ": " + BadInput.rootMessage(e));
    }
    System.out.println("listening on " + binding.localAddress().getPort());
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
    stop.await();
    system.terminate();
    return 0;
  }

  private int agentIndexOf(Scenario scenario) {
    List<String> ids = scenario.agents().stream().map(AgentSpec::id).toList();
    int index = ids.indexOf(agentId);
    if (index < 0) {
      throw new BadInput("--agent " + agentId + " is not an agent of the scenario; it has " + ids);
    }
    if (ExternalBidder.STRATEGY.equals(scenario.agents().get(index).strategy())) {
      throw new BadInput("--agent " + agentId + " is itself an external bidder (strategy = openrtb); serve one of "
          + ids.stream().filter(id -> !ExternalBidder.STRATEGY.equals(scenario.agents().get(ids.indexOf(id)).strategy()))
              .toList());
    }
    return index;
  }
}
