package org.bidarena.app.fatal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * What this JVM writes to stderr, passed on line by line, except Pekko's report of a fatal error in one of
 * its threads. Pekko has no hook for that error: its handler prints "Uncaught error from thread [...]", the
 * error and its stack trace to System.err, flushes, and then exits the JVM or stops the actor system. This
 * stream holds that report back and hands it to {@code onReport} when Pekko flushes after the trace, before
 * Pekko goes on.
 */
final class PekkoFatalErrorWatch extends OutputStream {
  static final String MARKER = "Uncaught error from thread [";
  private static final byte[] MARKER_BYTES = MARKER.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /** A report longer than this is handed on without waiting for its end. */
  private static final int MAX_REPORT_LINES = 400;

  private final PrintStream terminal;
  private final Consumer<String> onReport;
  private final Runnable onReportStart;
  private final Runnable onOutOfMemory;
  /** How many leading bytes of the current line match {@link #MARKER} so far (counted without allocating). */
  private int markerBytesSeen;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
  private StringBuilder report;
  private int reportLines;
  private volatile boolean silenced;

  PekkoFatalErrorWatch(PrintStream terminal, Consumer<String> onReport) {
    this(terminal, onReport, () -> {}, () -> {});
  }

  /**
   * As above; {@code onReportStart} runs as soon as a line starts with the marker, before anything here
   * allocates, so that memory held in reserve can be freed while the report is still arriving; and
   * {@code onOutOfMemory} runs instead of letting an out-of-memory error escape from here (it would escape into
   * Pekko's handler, and a handler that throws makes the JVM print a line of its own).
   */
  PekkoFatalErrorWatch(PrintStream terminal, Consumer<String> onReport, Runnable onReportStart,
      Runnable onOutOfMemory) {
    this.terminal = terminal;
    this.onReport = onReport;
    this.onReportStart = onReportStart;
    this.onOutOfMemory = onOutOfMemory;
  }

  /** Drops everything written from now on: the process is ending with its one line. */
  void silence() {
    silenced = true;
  }

  @Override
  public synchronized void write(int b) {
    try {
      take(b);
    } catch (OutOfMemoryError e) {
      onOutOfMemory.run();
    }
  }

  private void take(int b) {
    if (silenced) {
      return;
    }
    line.write(b);
    if (markerBytesSeen == line.size() - 1 && markerBytesSeen < MARKER_BYTES.length
        && MARKER_BYTES[markerBytesSeen] == (byte) b && ++markerBytesSeen == MARKER_BYTES.length) {
      onReportStart.run();
    }
    if (b == '\n') {
      endOfLine();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  @Override
  public synchronized void flush() {
    try {
      flushReport();
    } catch (OutOfMemoryError e) {
      onOutOfMemory.run();
    }
  }

  private void flushReport() {
    if (silenced) {
      return;
    }
    if (report != null && reportLines > 1) {
      handOn();
      return;
    }
    if (report == null && line.size() > 0 && !isMarkerSoFar()) {
      passOn();
    }
    terminal.flush();
  }

  private void endOfLine() {
    String text = line.toString(Charset.defaultCharset());
    if (report == null && text.startsWith(MARKER)) {
      report = new StringBuilder();
    }
    if (report == null) {
      passOn();
      return;
    }
    report.append(text);
    resetLine();
    if (++reportLines >= MAX_REPORT_LINES) {
      handOn();
    }
  }

  /** The partial line could still become the start of Pekko's report. */
  private boolean isMarkerSoFar() {
    String text = line.toString(Charset.defaultCharset());
    return MARKER.startsWith(text) || text.startsWith(MARKER);
  }

  private void passOn() {
    terminal.write(line.toByteArray(), 0, line.size());
    resetLine();
  }

  private void resetLine() {
    line.reset();
    markerBytesSeen = 0;
  }

  private void handOn() {
    String text = report.toString();
    report = new StringBuilder();
    reportLines = 0;
    onReport.accept(text);
  }
}
