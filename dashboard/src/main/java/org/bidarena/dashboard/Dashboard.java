package org.bidarena.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.core.driver.Driver;

/**
 * What the server steers: the runs folder, the shipped scenarios, the one run started from the page, and
 * the sampler that renders its frame every render interval on a thread of its own.
 */
public final class Dashboard implements AutoCloseable {
  /** The largest scenario file the page may upload. */
  public static final int MAX_UPLOAD_BYTES = 64 * 1024;

  private final RunsRoot runs;
  private final Path scenariosDir;
  private final RunLauncher launcher;
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "dashboard-sampler");
    t.setDaemon(true);
    return t;
  });
  private volatile Feed feed;
  private volatile LiveSession session;
  private volatile long renderMillis = 500;

  public Dashboard(RunsRoot runs, Path scenariosDir, RunLauncher launcher) {
    this.runs = runs;
    this.scenariosDir = scenariosDir;
    this.launcher = launcher;
  }

  RunsRoot runs() {
    return runs;
  }

  void attach(Feed f) {
    this.feed = f;
    sampler.schedule(this::sample, renderMillis, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    try {
      LiveSession s = session;
      if (s != null && feed != null) {
        feed.publish(s.frame());
      }
    } catch (Exception e) {
      // A frame that cannot be read now is read at the next interval; the run is not affected.
    } finally {
      if (!sampler.isShutdown()) {
        sampler.schedule(this::sample, renderMillis, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** The render interval: how often the page gets a frame, whatever the run's speed. */
  public void renderEvery(long millis) {
    if (millis < 50 || millis > 10_000) {
      throw new BadInput("render interval " + millis + " ms is out of range: 50 to 10000 ms");
    }
    renderMillis = millis;
  }

  /** "default" and each .conf file in the scenarios folder, by name without ".conf". */
  public List<String> scenarios() throws IOException {
    List<String> names = new ArrayList<>(List.of("default"));
    if (Files.isDirectory(scenariosDir)) {
      try (Stream<Path> list = Files.list(scenariosDir)) {
        list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conf"))
            .map(n -> n.substring(0, n.length() - 5)).sorted().forEach(names::add);
      }
    }
    return names;
  }

  /**
   * Starts a run as {@code bidarena run} would: the uploaded text (if any) or a shipped scenario, the seed and
   * the overrides are checked before anything is created; bad input is refused with one line.
   */
  public synchronized String start(String scenario, String upload, String seedText, List<String> overrides,
      String name, boolean paused, double ticksPerSecond) throws IOException {
    LiveSession current = session;
    if (current != null && current.live()) {
      throw new BadInput("run " + current.name() + " is still going: stop it first");
    }
    Long seed = parseSeed(seedText);
    boolean uploaded = upload != null && !upload.isBlank();
    if (!uploaded && !scenarios().contains(scenario)) {
      throw new BadInput("scenario '" + scenario + "' is not one of " + scenarios());
    }
    String label = uploaded ? "upload" : scenario;
    Path dir = runs.child(name == null || name.isBlank() ? freshName(label, seed) : name);
    Path file = null;
    try {
      if (uploaded) {
        file = Files.createTempFile("bidarena-upload", ".conf");
        Files.writeString(file, upload, StandardCharsets.UTF_8);
      } else if (!scenario.equals("default")) {
        file = scenariosDir.resolve(scenario + ".conf");
      }
      Files.createDirectories(runs.path());
      RunLauncher.PreparedRun run = launcher.prepare(file, overrides, seed, dir);
      LiveSession s = new LiveSession(dir.getFileName().toString(), run, paused, ticksPerSecond);
      session = s;
      s.start(() -> { });
      return s.name();
    } finally {
      if (uploaded && file != null) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static Long parseSeed(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new BadInput("seed '" + text + "' is not a whole number");
    }
  }

  private String freshName(String label, Long seed) {
    String base = label + (seed == null ? "" : "-seed" + seed) + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    String n = base;
    for (int i = 2; Files.exists(runs.path().resolve(n)); i++) {
      n = base + "-" + i;
    }
    return n;
  }

  public void pace(Driver.Pace.Action action, double tps) {
    LiveSession s = session;
    if (s == null) {
      throw new BadInput("no run has been started from this page");
    }
    s.pace(action, tps);
  }

  /** The run folders: name, status (live for the page's own run) and whether summary and report exist. */
  public String runsJson() throws IOException {
    LiveSession s = session;
    StringJoiner all = new StringJoiner(", ", "[", "]");
    for (String n : runs.names()) {
      Path dir = runs.child(n);
      String status = s != null && s.live() && s.name().equals(n) ? "live" : statusOf(dir);
      all.add("{\"name\": " + Json.string(n) + ", \"status\": " + Json.string(status)
          + ", \"summary\": " + Files.isRegularFile(dir.resolve("summary.json"))
          + ", \"report\": " + Files.isRegularFile(dir.resolve("report.html")) + "}");
    }
    return all.toString();
  }

  private static String statusOf(Path dir) {
    try {
      return RunFolder.openAny(dir).status();
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  /** Whether {@code name} is the run the page is playing now (its journal is open). */
  boolean isLive(String name) {
    LiveSession s = session;
    return s != null && s.live() && s.name().equals(name);
  }

  /** Two finished runs' summary.json side by side. */
  public String compare(String a, String b) throws IOException {
    return "{\"a\": " + summaryOf(a) + ", \"b\": " + summaryOf(b) + "}";
  }

  private String summaryOf(String name) throws IOException {
    Path summary = runs.child(name).resolve("summary.json");
    if (!Files.isRegularFile(summary)) {
      throw new BadInput("run '" + name + "' has no summary.json yet");
    }
    return Files.readString(summary);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
