package org.bidarena.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One node of a run: its Artery address, its roles and the static seed nodes it joins.
 *
 * @param seedNodes "host:port" of the seed nodes; empty for a node that forms a cluster on its own
 * @param joinTimeout how long the node tries to reach its seed nodes before it gives up
 */
public record NodeSettings(String host, int port, List<String> roles, List<String> seedNodes, Duration joinTimeout) {
  public static final String SYSTEM_NAME = "bidarena";
  public static final List<String> ALL_ROLES = List.of("driver", "customers", "exchange", "agents");
  private static final Set<String> KNOWN = Set.copyOf(ALL_ROLES);

  public NodeSettings {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a node needs at least one role of " + ALL_ROLES);
    }
    for (String role : roles) {
      if (!KNOWN.contains(role)) {
        throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + ALL_ROLES);
      }
    }
    for (String seed : seedNodes) {
      if (!seed.matches("[A-Za-z0-9._-]+:\\d{1,5}")) {
        throw new IllegalArgumentException("seed node '" + seed + "' is not host:port");
      }
    }
  }

  /** The embedded default: one node with every role, on a free loopback port, joining itself. */
  public static NodeSettings standalone() {
    return new NodeSettings("127.0.0.1", 0, ALL_ROLES, List.of(), Duration.ofSeconds(30));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public static String address(String hostPort) {
    return "pekko://" + SYSTEM_NAME + "@" + hostPort;
  }

  /**
   * The node's configuration: the journal, then one file per role from {@code bidarena/roles/}, the
   * address and seeds, over {@code bidarena-node.conf} and the libraries' reference configuration.
   */
  public Config toConfig(JournalSettings journal) {
    Config config = ConfigFactory.parseResources("bidarena-node.conf");
    for (String role : roles) {
      config = ConfigFactory.parseResources("bidarena/roles/" + role + ".conf").withFallback(config);
    }
    List<String> seeds = new ArrayList<>();
    seedNodes.forEach(s -> seeds.add(address(s)));
    Config node = ConfigFactory.empty()
        .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(host))
        .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(port))
        .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds))
        .withValue("pekko.cluster.shutdown-after-unsuccessful-join-seed-nodes",
            ConfigValueFactory.fromAnyRef(seedNodes.isEmpty() ? "off" : joinTimeout.toMillis() + "ms"));
    return journal.toConfig()
        .withFallback(node)
        .withFallback(config)
        .withFallback(ConfigFactory.load())
        .resolve();
  }
}
