package org.bidarena.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens a page in headless Chromium (the Debian package {@code chromium}) and reads its status element. */
final class Chromium {
  private static final Pattern STATUS = Pattern.compile("<pre id=\"status\">([^<]*)</pre>");

  private Chromium() {}

  static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** The JSON the page wrote into {@code <pre id="status">}; skips the test when Chromium is missing. */
  static JsonNode pageStatus(Path html) throws Exception {
    Optional<Path> chromium = find();
    assumeTrue(chromium.isPresent(),
        "chromium is not installed (apt-get install chromium; .ci/run installs it): browser check skipped");
    Path profile = Files.createTempDirectory("bidarena-chromium");
    Path dom = Files.createTempFile("bidarena-report", ".html");
    Process p = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom",
        html.toUri().toString())
        .redirectOutput(dom.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 3 minutes");
    }
    String text = Files.readString(dom, StandardCharsets.UTF_8);
    Matcher m = STATUS.matcher(text);
    if (!m.find()) {
      throw new AssertionError("the page has no status element; chromium exit " + p.exitValue());
    }
    String json = m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
    if (!json.startsWith("{")) {
      throw new AssertionError("the page did not finish drawing: status " + json);
    }
    return new ObjectMapper().readTree(json);
  }
}
