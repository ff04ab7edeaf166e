package org.bidarena.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Headless Chromium driven over the DevTools protocol (its --remote-debugging-port and Java's WebSocket):
 * opens a page and evaluates JavaScript in it. Skips the test when Chromium is missing.
 */
final class DevTools implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process chromium;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  DevTools(String url) throws Exception {
    Optional<Path> exe = Chromium.find();
    assumeTrue(exe.isPresent(), "chromium is not installed (apt-get install chromium; .ci/run installs it)");
    Path profile = Files.createTempDirectory("bidarena-devtools");
    chromium = new ProcessBuilder(exe.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1800", "--user-data-dir=" + profile, "--remote-debugging-port=0", url)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (System.nanoTime() > end || !chromium.isAlive()) {
        throw new AssertionError("chromium gave no DevTools port");
      }
      Thread.onSpinWait();
      Thread.yield();
    }
    String port = Files.readAllLines(portFile).get(0).trim();
    HttpClient http = HttpClient.newHttpClient();
    String page = null;
    while (page == null) {
      JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
          .build(), HttpResponse.BodyHandlers.ofString()).body());
      for (JsonNode t : targets) {
        if (t.get("type").asText().equals("page")) {
          page = t.get("webSocketDebuggerUrl").asText();
        }
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("chromium shows no page");
      }
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new WebSocket.Listener() {
      private final StringBuilder text = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          try {
            JsonNode msg = JSON.readTree(text.toString());
            CompletableFuture<JsonNode> f = msg.has("id") ? pending.remove(msg.get("id").asInt()) : null;
            if (f != null) {
              f.complete(msg);
            }
          } catch (Exception e) {
            // not ours to read
          }
          text.setLength(0);
        }
        ws.request(1);
        return null;
      }
    }).get(1, TimeUnit.MINUTES);
  }

  /** Sends one DevTools command and returns its result. */
  JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params);
    socket.sendText(JSON.writeValueAsString(msg), true).get(1, TimeUnit.MINUTES);
    JsonNode reply = answer.get(2, TimeUnit.MINUTES);
    if (reply.has("error")) {
      throw new AssertionError(method + ": " + reply.get("error"));
    }
    return reply.get("result");
  }

  /** The value of a JavaScript expression in the page (a promise is awaited); null while the page reloads. */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
        .put("returnByValue", true).put("awaitPromise", true));
    if (r.has("exceptionDetails")) {
      return null;
    }
    return r.path("result").path("value");
  }

  /** Evaluates {@code expression} until {@code ok} holds, failing after {@code timeout}. */
  JsonNode until(String expression, Predicate<JsonNode> ok, Duration timeout, String what) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    JsonNode v = null;
    while (System.nanoTime() < end) {
      v = eval(expression);
      if (v != null && !v.isMissingNode() && ok.test(v)) {
        return v;
      }
      TimeUnit.MILLISECONDS.sleep(50); // a poll interval, not a wait for something to happen
    }
    throw new AssertionError("the page did not show " + what + " within " + timeout + "; last: " + v);
  }

  /** A PNG of the page as it is now. */
  void screenshot(Path png) throws Exception {
    JsonNode r = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
        .put("captureBeyondViewport", true));
    Files.write(png, java.util.Base64.getDecoder().decode(r.get("data").asText()));
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
    chromium.destroy();
    try {
      if (!chromium.waitFor(30, TimeUnit.SECONDS)) {
        chromium.destroyForcibly();
      }
    } catch (InterruptedException e) {
      chromium.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
