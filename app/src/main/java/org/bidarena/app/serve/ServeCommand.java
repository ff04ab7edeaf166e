package org.bidarena.app.serve;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.bidarena.analysis.BadInput;
import org.bidarena.dashboard.AccessToken;
import org.bidarena.dashboard.Dashboard;
import org.bidarena.dashboard.DashboardServer;
import org.bidarena.dashboard.RunsRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the live dashboard: start a run from the browser, pause, step, stop and set its speed, watch its"
          + " panels over a WebSocket, open the reports of the run folders and compare two runs.",
      "It binds to 127.0.0.1 by default. Bound to any other address it prints a token, and every request must"
          + " carry it (the printed address includes it)."
    })
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", description = "The port (default: 8080; 0 picks a free one).")
  int port = 8080;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to bind (default: 127.0.0.1).")
  String host = "127.0.0.1";

  @Option(names = "--runs", paramLabel = "DIR", description = "The runs folder (default: runs).")
  Path runs = Path.of("runs");

  @Option(names = "--scenarios", paramLabel = "DIR", description = "The shipped scenarios offered (default: scenarios).")
  Path scenarios = Path.of("scenarios");

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new BadInput("--port " + port + " is out of range: 0 to 65535");
    }
    AccessToken token = AccessToken.forHost(host);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bidarena-dashboard",
        ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING")
            .withFallback(ConfigFactory.defaultReference()));
    Dashboard dashboard = new Dashboard(new RunsRoot(runs), scenarios, new LocalRunLauncher());
    ServerBinding binding;
    try {
      binding = new DashboardServer(dashboard, token).bind(system, host, port)
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      system.terminate();
      throw new BadInput("cannot listen on " + host + ":" + port + ": " + BadInput.rootMessage(e));
    }
    int bound = binding.localAddress().getPort();
    String address = "http://" + host + ":" + bound + "/" + (token.required() ? "?token=" + token.value() : "");
    System.out.println("dashboard: " + address);
    if (token.required()) {
      System.out.println("token: " + token.value() + " (required on every request: bound beyond loopback)");
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
    stop.await();
    dashboard.close();
    system.terminate();
    return 0;
  }
}
