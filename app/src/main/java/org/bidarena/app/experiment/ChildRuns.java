package org.bidarena.app.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.BidArena;
import org.bidarena.app.node.LocalNode;

/**
 * Plays an experiment's runs as child JVMs of this program ('bidarena run', or 'bidarena resume' for a run
 * that was interrupted), up to {@code parallel} at a time. A separate JVM per run is the exact code path of
 * {@code bidarena run}: its own ActorSystem, journal, log file and out-of-memory handling, with no state
 * shared between runs. A run whose folder already holds a finished run is skipped, so an interrupted
 * experiment loses no finished work.
 */
final class ChildRuns {
  /** One run to play: its arm and seed, its scenario file, its folder and its log file. */
  record Job(String arm, long seed, Path scenario, Path dir, Path log) {}

  private final int parallel;
  private final PrintStream out;
  private final List<Process> live = new ArrayList<>();
  private volatile boolean stopping;

  ChildRuns(int parallel, PrintStream out) {
    this.parallel = parallel;
    this.out = out;
  }

  /** A folder whose run finished: run.json says complete and summary.json is there. */
  static boolean finished(Path dir) {
    if (!Files.isRegularFile(dir.resolve("run.json")) || !Files.isRegularFile(dir.resolve("summary.json"))) {
      return false;
    }
    return RunFolder.openAny(dir).status().equals("complete");
  }

  /** Plays every job not finished yet; throws on the first failure, after stopping the others. */
  void play(List<Job> jobs) throws Exception {
    List<Job> todo = jobs.stream().filter(j -> !finished(j.dir())).toList();
    if (todo.size() < jobs.size()) {
      out.printf("%d of %d runs are finished already and kept%n", jobs.size() - todo.size(), jobs.size());
    }
    if (todo.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    AtomicInteger done = new AtomicInteger(jobs.size() - todo.size());
    Thread hook = new Thread(this::stopAll, "experiment-stop-children");
    Runtime.getRuntime().addShutdownHook(hook);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, todo.size()));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Job job : todo) {
        futures.add(pool.submit(() -> {
          long t0 = System.nanoTime();
          playOne(job);
          int n = done.incrementAndGet();
          synchronized (out) {
            out.printf(Locale.ROOT, "[%d/%d] %s seed %d finished in %.1f s (%.0f s elapsed)%n", n, jobs.size(), job.arm(),
                job.seed(), (System.nanoTime() - t0) / 1e9, (System.nanoTime() - start) / 1e9);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          stopAll();
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    } finally {
      pool.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting: the hook runs anyway.
      }
    }
  }

  private void playOne(Job job) throws Exception {
    if (stopping) {
      return;
    }
    Files.createDirectories(job.log().getParent());
    Files.createDirectories(job.dir().getParent());
    // A folder with run.json holds a run that was interrupted: resume continues it from its last checkpoint.
    boolean resume = Files.isRegularFile(job.dir().resolve("run.json"));
    List<String> command = new ArrayList<>(javaCommand());
    if (resume) {
      command.addAll(List.of("resume", job.dir().toString()));
    } else {
      command.addAll(List.of("run", job.scenario().toString(), "--seed", Long.toString(job.seed()), "--out",
          job.dir().toString()));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(job.log().toFile()));
    Process process;
    synchronized (live) {
      if (stopping) {
        return;
      }
      process = builder.start();
      live.add(process);
    }
    int code = process.waitFor();
    synchronized (live) {
      live.remove(process);
    }
    if (code != 0 && !stopping) {
      throw new LocalNode.RunFailed(job.arm() + " seed " + job.seed() + " exited with code " + code + ": "
          + lastLine(job.log()) + " (see " + job.log() + "; continue with: bidarena experiment --resume "
          + job.dir().getParent().getParent().getParent() + ")");
    }
  }

  /**
   * Stops every child (on a failure or Ctrl-C): SIGTERM, then SIGKILL for one that is still there after 15 s
   * (a run killed at any point resumes from its last checkpoint). Their folders can be resumed.
   */
  private void stopAll() {
    List<Process> children;
    synchronized (live) {
      stopping = true;
      children = List.copyOf(live);
    }
    children.forEach(Process::destroy);
    for (Process p : children) {
      try {
        if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** This JVM's java, its class path and heap limits, and the program's main class. */
  static List<String> javaCommand() {
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-Xmx") || arg.startsWith("-Xms") || arg.startsWith("-Xss")) {
        c.add(arg);
      }
    }
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add(BidArena.class.getName());
    return c;
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).startsWith("error:")) {
          return lines.get(i);
        }
      }
      return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    } catch (IOException e) {
      return "its log cannot be read: " + e.getMessage();
    }
  }
}
