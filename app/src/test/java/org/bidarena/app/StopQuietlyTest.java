package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (and Ctrl-C, the same shutdown) stops a run without a page of "Database is already closed" traces. */
class StopQuietlyTest {

  @Test
  void sigtermStopsARunQuietly(@TempDir Path temp) throws Exception {
    Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), BidArena.class.getName(), "run", "--out", temp.resolve("r").toString(),
        "--set", "customers.count=4000", "--set", "time.days=20")
        .redirectErrorStream(true).start();
    BufferedReader reader = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      lines.add(line);
      if (line.matches("^tick (\\d+)/.*") && Long.parseLong(line.replaceAll("^tick (\\d+)/.*", "$1")) >= 30) {
        break;
      }
    }
    assertThat(line).as("the run was under way: %s", lines).isNotNull();
    int before = lines.size();
    run.toHandle().destroy(); // SIGTERM, leaving our end of its output open
    while ((line = reader.readLine()) != null) {
      lines.add(line);
    }
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> after = lines.subList(before, lines.size());
    assertThat(String.join("\n", after)).doesNotContain("already closed").doesNotContain("\tat ");
  }
}
