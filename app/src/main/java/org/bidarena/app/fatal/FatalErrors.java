package org.bidarena.app.fatal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends this JVM at once, with one line, when it runs out of memory or a thread dies of a fatal error: in a
 * Pekko thread (seen through {@link PekkoFatalErrorWatch}), in another thread, or in the command's own.
 *
 * <p>After an out-of-memory error nothing in the JVM can be trusted to finish, so it halts without shutdown
 * hooks, as kill -9 would: the journal is committed event by event and the run folder is resumable after a
 * kill, and the OS drops the run's lock. Exit code {@link #OUT_OF_MEMORY}.
 */
public final class FatalErrors {
  /** The exit code of a JVM that ran out of memory (the JVM's own -XX:+ExitOnOutOfMemoryError uses 3 too). */
  public static final int OUT_OF_MEMORY = 3;
  private static final int FAILED = 1;

  private static PrintStream terminal = System.err;
  private static PekkoFatalErrorWatch watch;
  /** Set once the one line is being written: what other threads print while the JVM halts is dropped. */
  private static final AtomicBoolean ENDING = new AtomicBoolean();
  /**
   * Heap held back until an out-of-memory error: freed first, so that writing the one line does not itself run
   * out of memory.
   */
  private static final int RESERVE_BYTES = 2 << 20;
  private static volatile byte[] reserve;
  /** What the run log gets when there is no memory left to say more. */
  private static final String PEKKO_THREAD = "a Pekko thread (" + OutOfMemoryError.class.getName() + "), reported as:\n";
  /** Stderr without a PrintStream in between, opened at install: writing to it needs no heap. */
  private static FileOutputStream rawTerminal = new FileOutputStream(FileDescriptor.err);
  /** The run log, open for appending while a run's log is attached (writing to it needs no heap). */
  private static volatile FileOutputStream runLogOut;
  private static final byte[] OUT_OF_MEMORY_IN_LOG =
      (OutOfMemoryError.class.getName() + System.lineSeparator()).getBytes(Charset.defaultCharset());

  private FatalErrors() {}

  /** Watches stderr and uncaught errors for the life of this JVM: call once, first thing in main. */
  public static void install() {
    terminal = System.err;
    watch = new PekkoFatalErrorWatch(terminal, FatalErrors::pekkoThreadDied, () -> reserve = null,
        () -> outOfMemory(PEKKO_THREAD, "(the report ran out of memory too)"));
    System.setErr(new PrintStream(watch, false, Charset.defaultCharset()));
    reserve = new byte[RESERVE_BYTES];
    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
      if (causedByOutOfMemory(error)) {
        outOfMemory(thread.getName(), error);
      } else if (!ENDING.get()) {
        // what the JVM prints when no handler is set (ThreadGroup's would call this handler again)
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        error.printStackTrace(System.err);
        System.err.flush();
      }
    });
  }

  /** An out-of-memory error reached the command: the one line, then the end. */
  public static void outOfMemory(OutOfMemoryError error) {
    outOfMemory(Thread.currentThread().getName(), error);
  }

  private static boolean causedByOutOfMemory(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /**
   * The one out-of-memory line, then halt; never throws, however little memory is left. A handler that threw
   * would make the JVM print a line of its own, so every step that allocates has a fallback that does not:
   * the line for a full heap, encoded in advance.
   */
  private static void outOfMemory(String thread, Object what) {
    reserve = null;
    try {
      if (!ENDING.compareAndSet(false, true)) {
        awaitOtherThreadsEnd(OUT_OF_MEMORY);
      }
      if (watch != null) {
        watch.silence();
      }
      byte[] line = OutOfMemoryLine.fullHeapLine();
      byte[] logged = OUT_OF_MEMORY_IN_LOG;
      try {
        String text = OutOfMemoryLine.now() + System.lineSeparator();
        line = text.getBytes(Charset.defaultCharset());
        logged = (text + thread + ": " + what + "\n").getBytes(Charset.defaultCharset());
      } catch (Throwable stillOutOfMemory) {
        // the lines encoded in advance say enough
      }
      keepInRunLog(logged);
      // straight to the file descriptor: a PrintStream may need heap to write, this does not
      rawTerminal.write(line);
    } catch (Throwable nothingMoreCanBeSaid) {
      // halting is all that is left
    } finally {
      Runtime.getRuntime().halt(OUT_OF_MEMORY);
    }
  }

  /** Another thread is writing its line and halting: give it time, but never outlive it by much. */
  private static void awaitOtherThreadsEnd(int code) {
    try {
      Thread.sleep(10_000);
    } catch (Throwable interruptedOrWorse) {
      // halt all the same
    }
    Runtime.getRuntime().halt(code);
  }

  /** Writes {@code line} (once, whichever thread comes first), keeps {@code details} in the run log, and halts. */
  private static void end(String line, String details, int code) {
    if (!ENDING.compareAndSet(false, true)) {
      awaitOtherThreadsEnd(code);
    }
    if (watch != null) {
      watch.silence();
    }
    keepInRunLog(line + "\n" + details + (details.endsWith("\n") ? "" : "\n"));
    terminal.println(line);
    terminal.flush();
    Runtime.getRuntime().halt(code);
  }

  /** Pekko reported a fatal error in one of its threads ({@code report}: its header and stack trace). */
  private static void pekkoThreadDied(String report) {
    String[] lines = report.split("\n", 3);
    String error = lines.length > 1 ? lines[1].strip() : "";
    // The report may reach stderr in several writes, so look for the error anywhere in it, not on line 2 only.
    if (report.contains(OutOfMemoryError.class.getName()) || report.contains("Java heap space")) {
      // the JVM halts before the rest of the report (its stack trace) may arrive: name the error here
      outOfMemory(PEKKO_THREAD, report);
    }
    end("error: a fatal error stopped this process: " + error
        + (runLog() != null ? " (the stack trace is in " + runLog() + ")" : ""), report, FAILED);
  }

  /** What went wrong, appended to the run's log when this JVM plays a run (best effort: memory is short). */
  private static void keepInRunLog(String text) {
    keepInRunLog(text.getBytes(Charset.defaultCharset()));
  }

  private static void keepInRunLog(byte[] text) {
    try {
      FileOutputStream open = runLogOut;
      if (open != null) {
        open.write(text);
        return;
      }
      Path log = runLog();
      if (log != null) {
        Files.write(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
    } catch (Throwable ignored) {
      // the terminal line is what matters
    }
  }

  /** The run's log file is being written: keep it open, so that the last words need no heap to reach it. */
  public static void runLogOpened(Path log) {
    try {
      runLogOut = new FileOutputStream(log.toFile(), true);
    } catch (IOException e) {
      runLogOut = null;
    }
  }

  /** The run's log file is closed (the run is over): the last words go nowhere near it. */
  public static void runLogClosed() {
    FileOutputStream open = runLogOut;
    runLogOut = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException ignored) {
        // nothing was written through it that could be lost
      }
    }
  }

  private static Path runLog() {
    Path dir = OutOfMemoryLine.runDir();
    return dir == null ? null : dir.resolve("run.log");
  }
}
