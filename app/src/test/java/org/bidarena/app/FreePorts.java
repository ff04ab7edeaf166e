package org.bidarena.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Runs of consecutive free loopback ports, so that cluster tests do not collide with other processes. */
final class FreePorts {
  private FreePorts() {}

  static int consecutive(int count) {
    for (int attempt = 0; attempt < 200; attempt++) {
      // below Linux's ephemeral range (32768 and up), where outgoing connections would take ports we probed
      int base = 20_000 + ThreadLocalRandom.current().nextInt(12_000 - count);
      if (allFree(base, count)) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports found");
  }

  private static boolean allFree(int base, int count) {
    for (int p = base; p < base + count; p++) {
      try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
