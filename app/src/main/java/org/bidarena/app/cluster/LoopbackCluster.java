package org.bidarena.app.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.analysis.BadInput;

/**
 * The layout of a local cluster, from {@code bidarena/loopback-cluster.conf} in cluster-config: each
 * node's name, Artery and health ports, roles, and the static seed nodes. docker-compose.yml mirrors it.
 */
public record LoopbackCluster(List<Node> nodes, List<String> seedNodes) {
  public record Node(String name, int port, int httpPort, List<String> roles) {}

  static final int MAX_NODES = 9;

  /** {@code count} nodes; past the listed ones, nodes take the roles of the last one. */
  public static LoopbackCluster of(int count, String host, int basePort, int httpBasePort) {
    if (count < 1 || count > MAX_NODES) {
      throw new BadInput("--nodes " + count + ": use 1 to " + MAX_NODES);
    }
    requirePortRange("--base-port", basePort, count);
    requirePortRange("--http-base-port", httpBasePort, count);
    if (basePort < httpBasePort + count && httpBasePort < basePort + count) {
      throw new BadInput("--base-port " + basePort + " and --http-base-port " + httpBasePort + ": the " + count
          + " Artery ports and the " + count + " health ports must not overlap");
    }
    Config c = ConfigFactory.parseResources("bidarena/loopback-cluster.conf").resolve().getConfig("bidarena.cluster");
    List<? extends List<?>> roles = c.getAnyRefList("roles").stream().map(r -> (List<?>) r).toList();
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> r = roles.get(Math.min(i, roles.size() - 1)).stream().map(Object::toString).toList();
      nodes.add(new Node("node" + (i + 1), basePort + i, httpBasePort + i, r));
    }
    List<String> seeds = new ArrayList<>();
    for (int i = 0; i < Math.min(count, c.getInt("seed-count")); i++) {
      seeds.add(host + ":" + nodes.get(i).port());
    }
    return new LoopbackCluster(List.copyOf(nodes), List.copyOf(seeds));
  }

  private static void requirePortRange(String option, int base, int count) {
    if (base < 1 || base > 65535 - (count - 1)) {
      throw new BadInput(option + " " + base + ": " + count + " nodes need ports " + base + " to " + (base + count - 1)
          + "; use 1 to " + (65535 - (count - 1)));
    }
  }

  /** JVM options for every node the launcher starts on this machine. */
  public static List<String> nodeJavaOptions() {
    return ConfigFactory.parseResources("bidarena/loopback-cluster.conf").getStringList("bidarena.cluster.node-java-options");
  }

  public static int defaultBasePort() {
    return ConfigFactory.parseResources("bidarena/loopback-cluster.conf").getInt("bidarena.cluster.base-port");
  }

  public static int defaultHttpBasePort() {
    return ConfigFactory.parseResources("bidarena/loopback-cluster.conf").getInt("bidarena.cluster.http-base-port");
  }
}
