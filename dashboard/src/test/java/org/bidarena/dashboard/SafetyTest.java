package org.bidarena.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bidarena.analysis.BadInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe by default: the token beyond loopback, the upload limit, and names that stay inside the runs folder. */
class SafetyTest {
  @TempDir Path temp;
  private ActorSystem<Void> system;
  private Dashboard dashboard;
  private final AtomicInteger prepared = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();

  private String serve(AccessToken token) throws Exception {
    system = ActorSystem.create(Behaviors.empty(), "safety-test",
        ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = ERROR")
            .withFallback(ConfigFactory.defaultReference()));
    RunLauncher counting = (file, overrides, seed, dir) -> {
      prepared.incrementAndGet();
      throw new BadInput("test launcher starts nothing");
    };
    dashboard = new Dashboard(new RunsRoot(temp.resolve("runs")), temp.resolve("scenarios"), counting);
    int port = new DashboardServer(dashboard, token).bind(system, "127.0.0.1", 0)
        .toCompletableFuture().get(1, TimeUnit.MINUTES).localAddress().getPort();
    return "http://127.0.0.1:" + port;
  }

  @AfterEach
  void stop() throws Exception {
    if (dashboard != null) {
      dashboard.close();
    }
    if (system != null) {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
    }
  }

  private int status(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aTokenIsRequiredOnlyBeyondLoopback() {
    assertThat(AccessToken.forHost("127.0.0.1").required()).isFalse();
    assertThat(AccessToken.forHost("localhost").required()).isFalse();
    assertThat(AccessToken.forHost("0.0.0.0").required()).isTrue();
    assertThat(AccessToken.forHost("0.0.0.0").value()).hasSize(32);
    assertThat(AccessToken.forHost("0.0.0.0").value()).isNotEqualTo(AccessToken.forHost("0.0.0.0").value());
  }

  @Test
  void withATokenEveryRequestAndTheWebSocketUpgradeWithoutItAreRefused(@TempDir Path unused) throws Exception {
    AccessToken token = AccessToken.fresh();
    String base = serve(token);
    for (String path : new String[] {"/", "/dashboard.js", "/chart.js", "/api/scenarios", "/api/runs", "/runs/x/report"}) {
      assertThat(status(HttpRequest.newBuilder(URI.create(base + path)))).as(path).isEqualTo(401);
      assertThat(status(HttpRequest.newBuilder(URI.create(base + path + "?token=wrong")))).as(path).isEqualTo(401);
    }
    assertThat(status(HttpRequest.newBuilder(URI.create(base + "/api/control?action=stop"))
        .POST(HttpRequest.BodyPublishers.noBody()))).isEqualTo(401);
    assertThatThrownBy(() -> http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws"),
        new java.net.http.WebSocket.Listener() {}).join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
    // with the token: the page, the API (as parameter or header) and the socket
    assertThat(status(HttpRequest.newBuilder(URI.create(base + "/?token=" + token.value())))).isEqualTo(200);
    assertThat(status(HttpRequest.newBuilder(URI.create(base + "/chart.js?token=" + token.value())))).isEqualTo(200);
    assertThat(status(HttpRequest.newBuilder(URI.create(base + "/api/scenarios"))
        .header("X-BidArena-Token", token.value()))).isEqualTo(200);
    http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws?token=" + token.value()),
        new java.net.http.WebSocket.Listener() {}).get(1, TimeUnit.MINUTES).abort();
  }

  @Test
  void anUploadOverTheLimitIsRefusedBeforeAnythingIsPrepared() throws Exception {
    String base = serve(AccessToken.forHost("127.0.0.1"));
    String big = "# padding\n".repeat(Dashboard.MAX_UPLOAD_BYTES / 10 + 10);
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs?name=big"))
        .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(prepared.get()).isZero();
    assertThat(temp.resolve("runs/big")).doesNotExist();
  }

  @Test
  void clientNamesNeverLeaveTheRunsFolder() throws Exception {
    RunsRoot root = new RunsRoot(temp.resolve("runs"));
    assertThat(root.child("my-run_1.a")).isEqualTo(temp.resolve("runs/my-run_1.a").toAbsolutePath().normalize());
    for (String bad : new String[] {"..", "../x", "a/b", "/etc", ".hidden", "a\\b", "", "x..y", "a b", "%2e%2e", "C:x"}) {
      assertThatThrownBy(() -> root.child(bad)).as(bad).isInstanceOf(BadInput.class);
    }
    String base = serve(AccessToken.forHost("127.0.0.1"));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs?name=..%2Fescape"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(prepared.get()).isZero();
    assertThat(status(HttpRequest.newBuilder(URI.create(base + "/runs/..%2F..%2Fetc/report")))).isIn(400, 404);
    assertThat(status(HttpRequest.newBuilder(URI.create(base + "/api/compare?a=..%2Fx&b=y")))).isEqualTo(400);
    assertThat(temp.resolve("escape")).doesNotExist();
  }
}
