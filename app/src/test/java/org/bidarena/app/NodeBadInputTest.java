package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes and clusters that cannot work say why in one line and exit 2; none hangs. */
class NodeBadInputTest {

  @Test
  void aNodeWhoseSeedNodesDoNotAnswerGivesUpWithinItsJoinTimeout(@TempDir Path temp) {
    // given seed nodes on ports nobody listens on
    int ports = FreePorts.consecutive(3);
    String seeds = "127.0.0.1:" + (ports + 1) + ",127.0.0.1:" + (ports + 2);

    // when a node tries to join them for 3 s
    Runs.Result result = Runs.bidarena("node", "--roles", "customers", "--port", Integer.toString(ports),
        "--http-port", Integer.toString(FreePorts.consecutive(1)), "--seed-nodes", seeds, "--join-timeout", "3",
        "--run-id", "unjoinable", "--journal", "h2", "--out", temp.resolve("n").toString(),
        "--set", "customers.count=100");

    // then it says which seeds it could not reach, and exits 2
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).contains("could not join the seed nodes [" + seeds.replace(",", ", ") + "] within 3 s");
  }

  @Test
  void aRunWhoseDatabaseDoesNotAnswerIsRefusedBeforeAnythingIsWritten(@TempDir Path temp) {
    Path dir = temp.resolve("r");
    Runs.Result result = Runs.bidarena("run", "--journal", "postgres", "--jdbc-url",
        "jdbc:postgresql://127.0.0.1:1/test", "--out", dir.toString(), "--set", "customers.count=100");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: cannot prepare the journal at jdbc:postgresql://127.0.0.1:1/test");
    assertThat(dir).doesNotExist();
  }

  @Test
  void aClusterRefusesTheH2JournalWhichItsNodesCannotShare(@TempDir Path temp) {
    Runs.Result result = Runs.bidarena("cluster", "--journal", "h2", "--out", temp.resolve("c").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("H2 file cannot be shared");
  }

  @Test
  void anUnknownRoleIsRefused() {
    Runs.Result result = Runs.bidarena("node", "--roles", "customers,bidding", "--run-id", "x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("unknown role 'bidding'; roles are [driver, customers, exchange, agents]");
  }
}
