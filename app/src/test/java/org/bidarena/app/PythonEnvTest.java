package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python package's unittests (python/tests) against real step servers started from this build's
 * classes. Skips, saying why, when no python3 with numpy is found (Debian: apt-get install python3-numpy;
 * .ci/run installs it). $BIDARENA_PYTHON names the interpreter to use.
 */
class PythonEnvTest {
  private static final Path PYTHON_DIR = Path.of("..", "python").toAbsolutePath().normalize();

  /** The first of $BIDARENA_PYTHON, Debian's python3 and the python3 on the PATH that imports numpy. */
  static Optional<String> pythonWithNumpy() {
    String chosen = System.getenv("BIDARENA_PYTHON");
    List<String> candidates = chosen != null ? List.of(chosen) : List.of("/usr/bin/python3", "python3");
    for (String python : candidates) {
      try {
        Process p = new ProcessBuilder(python, "-c", "import numpy").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Optional.of(python);
        }
        p.destroyForcibly();
      } catch (Exception e) {
        // not installed: try the next one
      }
    }
    return Optional.empty();
  }

  @Test
  void thePythonPackagePassesItsTestsAgainstTheStepServer() throws Exception {
    Optional<String> python = pythonWithNumpy();
    assumeTrue(python.isPresent(), "skipped: no python3 with numpy (apt-get install -y python3 python3-numpy;"
        + " .ci/run installs them, $BIDARENA_PYTHON picks another interpreter)");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = new ObjectMapper().writeValueAsString(
        List.of(java, "-cp", System.getProperty("java.class.path"), BidArena.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(python.get(), "-m", "unittest", "discover", "-s", "tests", "-v")
        .directory(PYTHON_DIR.toFile())
        .redirectErrorStream(true);
    pb.environment().put("BIDARENA_JAVA_COMMAND", command);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] output = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    assertThat(text).contains("OK").contains("test_the_same_seed_and_actions_give_the_java_training_paths_numbers");
    assertThat(Files.isDirectory(PYTHON_DIR.resolve("bidarena_env"))).isTrue();
  }
}
