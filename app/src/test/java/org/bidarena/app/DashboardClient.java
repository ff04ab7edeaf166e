package org.bidarena.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;
import com.typesafe.config.ConfigFactory;
import org.bidarena.app.serve.LocalRunLauncher;
import org.bidarena.dashboard.AccessToken;
import org.bidarena.dashboard.Dashboard;
import org.bidarena.dashboard.DashboardServer;
import org.bidarena.dashboard.RunsRoot;

/** A dashboard server on a free loopback port, and a client of its API and WebSocket feed, for tests. */
final class DashboardClient implements AutoCloseable {
  final ActorSystem<Void> system;
  final Dashboard dashboard;
  final String base;
  final HttpClient http = HttpClient.newHttpClient();
  final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private WebSocket socket;

  DashboardClient(Path runs) throws Exception {
    system = ActorSystem.create(Behaviors.empty(), "dashboard-test",
        ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING")
            .withFallback(ConfigFactory.defaultReference()));
    dashboard = new Dashboard(new RunsRoot(runs), Path.of("../scenarios"), new LocalRunLauncher());
    ServerBinding binding = new DashboardServer(dashboard, AccessToken.forHost("127.0.0.1"))
        .bind(system, "127.0.0.1", 0).toCompletableFuture().get(1, TimeUnit.MINUTES);
    base = "http://127.0.0.1:" + binding.localAddress().getPort();
  }

  HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  void connect() throws Exception {
    ObjectMapper json = new ObjectMapper();
    socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws"),
        new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              try {
                frames.add(json.readTree(text.toString()));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              text.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(1, TimeUnit.MINUTES);
  }

  /** The first frame that matches, failing after {@code timeout}. */
  JsonNode await(Predicate<JsonNode> match, Duration timeout, String what) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      JsonNode f = frames.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (f != null && match.test(f)) {
        return f;
      }
    }
    throw new AssertionError("no frame showed " + what + " within " + timeout);
  }

  static long tick(JsonNode frame) {
    JsonNode t = frame.path("panels").path("ticks");
    return t.isMissingNode() ? -1 : t.get("tick").asLong();
  }

  @Override
  public void close() throws Exception {
    if (socket != null) {
      socket.abort();
    }
    dashboard.close();
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
  }
}
