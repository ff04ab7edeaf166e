package org.bidarena.app.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.bidarena.analysis.BadInput;

/**
 * Ports checked before a node or a cluster starts: a busy port otherwise shows only as a join that never
 * happens, a minute and a half later, blamed on another node.
 */
public final class Ports {
  private Ports() {}

  /** {@code port} must be 1 to 65535; {@code option} names where it came from. */
  public static void requireValid(String option, int port) {
    if (port < 1 || port > 65535) {
      throw new BadInput(option + " " + port + ": a port is 1 to 65535");
    }
  }

  /** Binds {@code host:port} for a moment: bad input naming the port when another process holds it. */
  public static void requireFree(String what, String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new BadInput(what + " port " + port + " on " + host + " is not free (" + e.getMessage()
          + "); stop what holds it or choose another port");
    }
  }
}
