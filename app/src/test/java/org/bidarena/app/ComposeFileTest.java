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
 * Checks, without a Docker engine, that docker/docker-compose.yml describes the same cluster as
 * 'bidarena cluster --nodes 3' (loopback-cluster.conf): service names, ports, roles, seed nodes, JVM
 * options, the environment variables 'bidarena node' reads, health checks and the run folder's volume.
 * docker/test-cluster.sh builds the images and runs the file itself where an engine can be had.
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
      // the health port is published on the host's loopback address only
      assertThat((List<Object>) service.get("ports")).containsExactly(
          "127.0.0.1:${BIDARENA_" + node.name().toUpperCase(java.util.Locale.ROOT) + "_HOST_PORT:-" + node.httpPort() + "}:"
              + node.httpPort());
      assertThat(env.get("BIDARENA_JAVA_OPTS")).as(node.name()).isEqualTo(String.join(" ", LoopbackCluster.nodeJavaOptions()));
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
    // given the BIDARENA_* variables named in the node command, the journal options and the image's entry point
    String sources = Files.readString(Path.of("src/main/java/org/bidarena/app/cluster/NodeCommand.java"))
        + Files.readString(Path.of("src/main/java/org/bidarena/app/command/JournalOptions.java"))
        + Files.readString(Path.of("src/main/java/org/bidarena/app/command/JdbcOptions.java"))
        + Files.readString(DOCKERFILE).lines().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
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
  void theImageRunsTheJarBuiltOnTheHostOnAJreBaseImageThatCanBeReplaced() throws Exception {
    List<String> lines = Arrays.asList(Files.readString(DOCKERFILE).split("\n"));
    // one stage, on a public JRE 17 by default; test-cluster.sh passes a locally made one
    assertThat(lines).contains("ARG BASE_IMAGE=eclipse-temurin:17-jre", "FROM ${BASE_IMAGE}");
    assertThat(lines.stream().filter(l -> l.startsWith("FROM "))).hasSize(1);
    assertThat(lines).contains("COPY app/target/bidarena.jar ./bidarena.jar", "COPY app/target/lib ./lib");
    assertThat(lines).contains(
        "ENTRYPOINT [\"/bin/sh\", \"-c\", \"exec java $BIDARENA_JAVA_OPTS -jar /opt/bidarena/bidarena.jar \\\"$@\\\"\", \"bidarena\"]");
    // the build context is the repository root: .dockerignore must let the jar and its libraries through
    assertThat(Files.readAllLines(Path.of("..", ".dockerignore"))).contains("!app/target/bidarena.jar", "!app/target/lib");
    assertThat(map(services().get("node1")).get("build")).isEqualTo(Map.of("context", "..", "dockerfile", "docker/Dockerfile"));
  }
}
