package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bidarena.app.command.JournalOptions;
import org.bidarena.cluster.PostgresSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 7 of issue 23: {@code cluster} owns its node processes. Killed with SIGKILL, it takes its nodes with
 * it (they watch its pid) and their ports are free again; a cluster that never starts leaves no run folder and
 * no PostgreSQL schema. Both run {@code cluster} in a JVM of its own, on PostgreSQL (BIDARENA_PG_URL).
 */
class ClusterOwnsNodesTest {
  private static final String[] LONG_RUN = {"customers.count=1500", "time.days=30"};

  @BeforeEach
  void needsPostgres() {
    String url = System.getenv("BIDARENA_PG_URL");
    assumeTrue(url != null && !url.isBlank(), "BIDARENA_PG_URL is not set (.ci/run sets it)");
  }

  @Test
  void killingTheClusterJvmEndsItsNodesAndFreesTheirPorts(@TempDir Path temp) throws Exception {
    int artery = FreePorts.consecutive(3);
    int http = FreePorts.consecutive(3);
    Path dir = temp.resolve("c");
    Process cluster = bidarena(new ProcessBuilder(), Runs.withSets(LONG_RUN, "cluster", "--nodes", "3",
        "--out", dir.toString(), "--base-port", Integer.toString(artery), "--http-base-port", Integer.toString(http)))
        .redirectErrorStream(true).start();
    List<ProcessHandle> nodes = new ArrayList<>();
    try {
      awaitLine(cluster, "cluster: 3 nodes ready");
      cluster.toHandle().children().forEach(nodes::add);
      assertThat(nodes).as("the cluster's node JVMs").hasSize(3);

      cluster.destroyForcibly(); // SIGKILL: no shutdown hook of the cluster's runs
      assertThat(cluster.waitFor(30, TimeUnit.SECONDS)).isTrue();

      for (ProcessHandle node : nodes) {
        assertThat(node.onExit().completeOnTimeout(null, 90, TimeUnit.SECONDS).get())
            .as("node pid %d ended with the cluster", node.pid()).isNotNull();
      }
      for (int port = artery; port < artery + 3; port++) {
        assertThat(canBind(port)).as("Artery port %d is free", port).isTrue();
      }
      for (int port = http; port < http + 3; port++) {
        assertThat(canBind(port)).as("health port %d is free", port).isTrue();
      }
    } finally {
      cluster.destroyForcibly();
      nodes.forEach(ProcessHandle::destroyForcibly);
      if (Files.exists(dir.resolve(JournalOptions.JOURNAL_CONF))) {
        PostgresSchema.drop(new JournalOptions().recorded(dir));
      }
    }
  }

  @Test
  void aClusterThatFailsToStartLeavesNoFolderAndDropsItsSchema(@TempDir Path temp) throws Exception {
    Path dir = temp.resolve("never_started");
    ProcessBuilder builder = new ProcessBuilder();
    // Every node JVM refuses to start: the cluster has made its folder and schema by then.
    builder.environment().put("BIDARENA_NODE_JAVA_OPTS", "-XX:+NoSuchBidArenaOption");
    Process cluster = bidarena(builder, Runs.withSets(LONG_RUN, "cluster", "--nodes", "2", "--out", dir.toString(),
        "--base-port", Integer.toString(FreePorts.consecutive(2)),
        "--http-base-port", Integer.toString(FreePorts.consecutive(2))))
        .redirectErrorStream(true).start();
    String output;
    try {
      output = new String(cluster.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(cluster.waitFor(2, TimeUnit.MINUTES)).isTrue();
    } finally {
      cluster.destroyForcibly();
    }

    assertThat(cluster.exitValue()).as(output).isEqualTo(2);
    assertThat(output).contains("(schema bidarena_never_started_").contains("before it was ready");
    assertThat(dir).doesNotExist();
    assertThat(schemasNamedAfter("never_started")).as(output).isEmpty();
  }

  private static ProcessBuilder bidarena(ProcessBuilder builder, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), BidArena.class.getName()));
    command.addAll(List.of(args));
    return builder.command(command);
  }

  /** Reads the process's output until a line holds {@code text}; fails if the output ends first. */
  private static void awaitLine(Process process, String text) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null && !line.contains(text)) {
      seen.append(line).append('\n');
    }
    assertThat(line).as("'%s' was printed; the output was:%n%s", text, seen).isNotNull();
    Thread drain = new Thread(() -> {
      try {
        reader.transferTo(java.io.Writer.nullWriter());
      } catch (IOException ignored) {
        // the process ended
      }
    });
    drain.setDaemon(true);
    drain.start();
  }

  private static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Run schemas made for a folder of this name: bidarena_NAME_ and a random suffix. */
  private static List<String> schemasNamedAfter(String folderName) throws Exception {
    String user = System.getenv().getOrDefault("BIDARENA_PG_USER", "postgres");
    String password = System.getenv().getOrDefault("BIDARENA_PG_PASSWORD", "");
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(System.getenv("BIDARENA_PG_URL"), user, password);
        PreparedStatement s = c.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname LIKE ?")) {
      s.setString(1, "bidarena\\_" + folderName.replace("_", "\\_") + "\\_%");
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          names.add(r.getString(1));
        }
      }
    }
    return names;
  }
}
