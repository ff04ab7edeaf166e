package org.bidarena.analysis.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkManifest;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;

/**
 * A run's folder: {@code run.json} (what it is and whether it finished), {@code scenario.conf} (the fully
 * resolved scenario with its seed), {@code journal/} (the H2 journal), {@code run.log}, and at the end
 * {@code summary.json} and {@code ticks.csv}.
 */
public final class RunFolder {
  private static final Pattern SHA = Pattern.compile("\"scenarioSha256\"\\s*:\\s*\"([0-9a-f]{64})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
  private static final Pattern KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([a-z-]+)\"");

  /** What a run folder holds, as its run.json says; a run.json without "kind" is a simulation's. */
  public enum Kind {
    SIMULATION,
    BENCHMARK
  }

  private final Path dir;

  private RunFolder(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path runJson() {
    return dir.resolve("run.json");
  }

  public Path scenarioFile() {
    return dir.resolve("scenario.conf");
  }

  public Path journalFile() {
    return dir.resolve("journal").resolve("bidarena.mv.db");
  }

  public Path summaryJson() {
    return dir.resolve("summary.json");
  }

  public Path ticksCsv() {
    return dir.resolve("ticks.csv");
  }

  public Path logFile() {
    return dir.resolve("run.log");
  }

  /** A folder under {@code runs/} named after the scenario, the seed and the time. */
  public static Path defaultLocation(Scenario scenario) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path base = Path.of("runs", scenario.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-seed" + scenario.seed() + "-" + stamp);
    Path candidate = base;
    for (int i = 2; Files.exists(candidate); i++) {
      candidate = Path.of(base + "-" + i);
    }
    return candidate;
  }

  /**
   * What a start writes before run.json, which comes last: a folder holding only these (a run killed while
   * it started) holds no run yet, and a new run may take it.
   */
  private static final Set<String> STARTING =
      Set.of(RunClaim.LOCK_FILE, "scenario.conf", "scenario.conf.tmp", "run.json.tmp", "journal.conf",
          "journal.conf.tmp");

  /** Checks that {@code dir} can take a new run: missing, empty, or only begun. Creates nothing. */
  public static void requireFree(Path dir) {
    if (Files.isRegularFile(dir)) {
      throw new BadInput("--out " + dir + " is a file; give a new or empty folder");
    }
    if (Files.isDirectory(dir)) {
      if (Files.exists(dir.resolve("run.json")) || Files.exists(dir.resolve("journal"))) {
        throw new BadInput("--out " + dir + " already holds a run; it is not overwritten. Give a new folder, or"
            + " continue it with: bidarena resume " + dir);
      }
      if (!onlyBegun(dir)) {
        throw new BadInput("--out " + dir + " is not empty; give a new or empty folder");
      }
    }
  }

  /** True when {@code dir} is a folder that holds nothing but what a start writes before run.json. */
  public static boolean onlyBegun(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.allMatch(p -> STARTING.contains(p.getFileName().toString()));
    } catch (IOException e) {
      throw new BadInput("--out " + dir + " cannot be read: " + RunClaim.reason(e));
    }
  }

  /** Creates the folder of a new run and writes its scenario and run.json. */
  public static RunFolder create(Path dir, Scenario scenario) throws IOException {
    requireFree(dir);
    Files.createDirectories(dir);
    RunFolder folder = new RunFolder(dir);
    String text = ScenarioLoader.render(scenario);
    writeAtomically(folder.scenarioFile(), text);
    folder.writeStatus(scenario, "running");
    return folder;
  }

  /**
   * Opens the folder of a simulated run, or explains why {@code dir} is not one. A benchmark's folder is
   * refused by name: only the commands that call {@link #openAny} (replay, export, sql) read it.
   */
  public static RunFolder open(Path dir) {
    RunFolder folder = openAny(dir);
    if (folder.kind() == Kind.BENCHMARK) {
      throw new BadInput(dir + " holds a log-replay benchmark (" + IpinyouBenchmarkManifest.KIND + " in run.json), not a"
          + " simulated run: 'replay', 'export' and 'sql' read it");
    }
    return folder;
  }

  /** Opens a run folder of either kind: a simulation's (run.json and scenario.conf) or a benchmark's (run.json). */
  public static RunFolder openAny(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new BadInput(dir + " is not a run folder: no such directory");
    }
    RunFolder folder = new RunFolder(dir);
    boolean benchmark = Files.isRegularFile(folder.runJson()) && folder.kind() == Kind.BENCHMARK;
    if (!Files.isRegularFile(folder.runJson()) || (!benchmark && !Files.isRegularFile(folder.scenarioFile()))) {
      throw new BadInput(dir + " is not a run folder: it has no run.json and scenario.conf (made by 'bidarena run')");
    }
    return folder;
  }

  /** The kind run.json records. */
  public Kind kind() {
    try {
      Matcher m = KIND.matcher(Files.readString(runJson()));
      if (!m.find() || m.group(1).equals("simulation")) {
        return Kind.SIMULATION;
      }
      if (m.group(1).equals(IpinyouBenchmarkManifest.KIND)) {
        return Kind.BENCHMARK;
      }
      throw new BadInput(runJson() + " records an unknown kind of run: " + m.group(1));
    } catch (IOException e) {
      throw new BadInput(runJson() + " cannot be read: " + e.getMessage());
    }
  }

  /** The scenario stored in the folder, checked against the fingerprint in run.json. */
  public Scenario scenario() {
    Scenario scenario;
    try {
      scenario = ScenarioLoader.load(scenarioFile(), java.util.List.of(), null);
    } catch (RuntimeException e) {
      throw new BadInput(scenarioFile() + " cannot be read: " + e.getMessage());
    }
    String recorded = field(SHA, "scenarioSha256");
    // The file as written, or as this version renders it: a folder written by an older renderer still opens.
    if (!recorded.equals(sha256(ScenarioLoader.render(scenario))) && !recorded.equals(sha256(scenarioText()))) {
      throw new BadInput(scenarioFile() + " was changed after the run started (its fingerprint no longer matches"
          + " run.json); restore it to resume");
    }
    return scenario;
  }

  private String scenarioText() {
    try {
      return Files.readString(scenarioFile());
    } catch (IOException e) {
      throw new BadInput(scenarioFile() + " cannot be read: " + e.getMessage());
    }
  }

  /** The scenario fingerprint that run.json records. */
  public String recordedSha256() {
    return field(SHA, "scenarioSha256");
  }

  public String status() {
    return field(STATUS, "status");
  }

  private String field(Pattern pattern, String name) {
    try {
      Matcher m = pattern.matcher(Files.readString(runJson()));
      if (!m.find()) {
        throw new BadInput(runJson() + " is damaged: no " + name);
      }
      return m.group(1);
    } catch (IOException e) {
      throw new BadInput(runJson() + " cannot be read: " + e.getMessage());
    }
  }

  public void writeStatus(Scenario scenario, String status) throws IOException {
    String json = "{\n"
        + "  \"format\": 1,\n"
        + "  \"kind\": \"simulation\",\n"
        + "  \"scenario\": " + RunSummary.quote(scenario.name()) + ",\n"
        + "  \"seed\": " + scenario.seed() + ",\n"
        + "  \"scenarioSha256\": \"" + sha256(ScenarioLoader.render(scenario)) + "\",\n"
        + "  \"status\": \"" + status + "\"\n"
        + "}\n";
    writeAtomically(runJson(), json);
  }

  /** Writes through a temporary file, so that a killed process never leaves half a file. */
  public static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
