package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bidarena.app.cluster.LoopbackCluster;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so this test checks that docker/docker-compose.yml describes the same
 * cluster as 'bidarena cluster --nodes 3' (loopback-cluster.conf): service names, ports, roles, seed
 * nodes, the environment variables 'bidarena node' reads, health checks and the run folder's volume.
 */
class ComposeFileTest {
  private static final Path COMPOSE = Path.of("..", "docker", "docker-compose.yml");
  private static final Path DOCKERFILE = Path.of("..", "docker", "Dockerfile");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services() throws Exception {
    try (Reader reader = Files.newBufferedReader(COMPOSE)) {
      Map<String, Object> compose = new Yaml().load(reader);
      return (Map<String, Object>) compose.get("services");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void composeNodesMatchTheLoopbackClusterLayout() throws Exception {
    // given the loopback layout of three nodes, with host names as Docker sees them
    LoopbackCluster layout = LoopbackCluster.of(3, "HOST", LoopbackCluster.defaultBasePort(),
        LoopbackCluster.defaultHttpBasePort());
    Map<String, Object> services = services();

    // then there is one service per node, plus PostgreSQL, and nothing else
    List<String> names = layout.nodes().stream().map(LoopbackCluster.Node::name).toList();
    assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(
        java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of("postgres")).toList());

    for (LoopbackCluster.Node node : layout.nodes()) {
      Map<String, Object> service = map(services.get(node.name()));
      Map<String, Object> env = map(service.get("environment"));
      String seeds = String.join(",", layout.seedNodes().stream()
          .map(s -> s.replace("HOST:", "node" + (layout.nodes().stream().filter(n -> s.endsWith(":" + n.port()))
              .findFirst().orElseThrow().name().substring(4)) + ":"))
          .toList());
      assertThat(service.get("hostname")).isEqualTo(node.name());
      assertThat(env.get("BIDARENA_HOST")).isEqualTo(node.name());
      assertThat(env.get("BIDARENA_ROLES")).as(node.name()).isEqualTo(String.join(",", node.roles()));
      assertThat(env.get("BIDARENA_PORT")).isEqualTo(Integer.toString(node.port()));
      assertThat(env.get("BIDARENA_HTTP_PORT")).isEqualTo(Integer.toString(node.httpPort()));
      assertThat(env.get("BIDARENA_SEED_NODES")).as(node.name()).isEqualTo(seeds);
      assertThat(env.get("BIDARENA_MIN_MEMBERS")).isEqualTo(Integer.toString(layout.nodes().size()));
      assertThat((String) env.get("BIDARENA_PG_URL")).startsWith("jdbc:postgresql://postgres:5432/");
      assertThat(env).containsKeys("BIDARENA_PG_USER", "BIDARENA_PG_PASSWORD", "BIDARENA_RUN_ID", "BIDARENA_OUT");
      assertThat((List<Object>) service.get("ports")).containsExactly(node.httpPort() + ":" + node.httpPort());
      assertThat((List<Object>) map(service.get("healthcheck")).get("test"))
          .containsExactly("CMD", "curl", "-fsS", "http://" + node.name() + ":" + node.httpPort() + "/ready");
      assertThat(map(map(service.get("depends_on")).get("postgres")).get("condition")).isEqualTo("service_healthy");
    }
    // the Driver's node keeps the run folder on the host
    assertThat((List<Object>) map(services.get("node1")).get("volumes")).contains("../runs:/runs");
    assertThat(layout.nodes().get(0).roles()).contains("driver");
  }

  @Test
  void everyVariableTheComposeFileSetsIsOneTheNodeCommandReads() throws Exception {
    // given the BIDARENA_* variables named in the node command and the journal options
    String sources = Files.readString(Path.of("src/main/java/org/bidarena/app/cluster/NodeCommand.java"))
        + Files.readString(Path.of("src/main/java/org/bidarena/app/command/JournalOptions.java"))
        + Files.readString(Path.of("src/main/java/org/bidarena/app/command/JdbcOptions.java"));
    Matcher m = Pattern.compile("BIDARENA_[A-Z_]+").matcher(sources);
    java.util.Set<String> read = new java.util.HashSet<>();
    while (m.find()) {
      read.add(m.group());
    }

    // then every node service sets only variables the node reads (a typo would be silently ignored)
    for (String name : List.of("node1", "node2", "node3")) {
      assertThat(map(map(services().get(name)).get("environment")).keySet()).as(name).isSubsetOf(read);
    }
  }

  @Test
  void theImageBuildsWithMavenAndRunsTheNodeOnAJre() throws Exception {
    List<String> lines = Arrays.asList(Files.readString(DOCKERFILE).split("\n"));
    assertThat(lines.stream().filter(l -> l.startsWith("FROM "))).hasSize(2)
        .first().asString().contains("maven").endsWith(" AS build");
    assertThat(lines).anyMatch(l -> l.startsWith("FROM ") && l.contains("-jre"));
    assertThat(lines).contains("RUN mvn -B -q -DskipTests package");
    assertThat(lines).contains("COPY --from=build /src/app/target/bidarena.jar ./bidarena.jar");
    assertThat(lines).contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/bidarena/bidarena.jar\"]");
    assertThat(map(services().get("node1")).get("build")).isEqualTo(Map.of("context", "..", "dockerfile", "docker/Dockerfile"));
  }
}
