package org.bidarena.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference Node bidder of examples/openrtb-bidder-node, started on a free loopback port (it prints
 * "listening on PORT" once it accepts connections, which is the condition waited for); tests that need it
 * are skipped when node is not on the PATH.
 */
final class NodeBidder implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final Process process;
  private final int port;

  private NodeBidder(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static NodeBidder start(String mode) throws IOException {
    String node = findNode();
    Assumptions.assumeTrue(node != null, "node is not on PATH: the external-bidder tests are skipped");
    Path script = Path.of("..", "examples", "openrtb-bidder-node", "bidder.js").toAbsolutePath().normalize();
    Process p = new ProcessBuilder(node, script.toString(), "--port", "0", "--mode", mode)
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine(); // blocks until the server listens, or the process dies
    if (line == null || !line.startsWith("listening on ")) {
      p.destroyForcibly();
      throw new IllegalStateException("the Node bidder did not start: " + line);
    }
    return new NodeBidder(p, Integer.parseInt(line.substring("listening on ".length()).trim()));
  }

  String endpoint() {
    return "http://127.0.0.1:" + port + "/bid";
  }

  /** The bidder's counters: requests, bids, wins, bills, losses, repeats. */
  JsonNode stats() throws IOException, InterruptedException {
    return get("/stats");
  }

  /** The ids of the requests the bidder was asked more than once. */
  JsonNode repeats() throws IOException, InterruptedException {
    return get("/repeats");
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body());
  }

  private static String findNode() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "node");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  @Override
  public void close() {
    process.destroy();
  }
}
