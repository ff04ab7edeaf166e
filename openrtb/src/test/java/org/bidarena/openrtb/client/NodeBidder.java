package org.bidarena.openrtb.client;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The reference Node bidder of examples/, started on a free loopback port; tests skip when node is absent. */
final class NodeBidder implements AutoCloseable {
  private final Process process;
  final int port;

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

  static String findNode() {
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
