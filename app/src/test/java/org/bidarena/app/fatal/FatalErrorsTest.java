package org.bidarena.app.fatal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FatalErrorsTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void theSuggestedHeapIsTwiceTheHeapOrWhatTheCustomersNeedAsAPowerOfTwo() {
    assertThat(OutOfMemoryLine.suggestedHeap(64 * MIB, 0)).isEqualTo("-Xmx256m");
    assertThat(OutOfMemoryLine.suggestedHeap(512 * MIB, 0)).isEqualTo("-Xmx1g");
    // 2M customers at 320 bytes each and 256 MiB: 866 MiB -> 1 GiB
    assertThat(OutOfMemoryLine.suggestedHeap(64 * MIB, 2_000_000)).isEqualTo("-Xmx1g");
    assertThat(OutOfMemoryLine.suggestedHeap(64 * MIB, 10_000_000)).isEqualTo("-Xmx4g");
  }

  @Test
  void theLineNamesTheHeapTheFixAndTheResume() {
    assertThat(OutOfMemoryLine.of(60 * MIB, 64 * MIB, 2_000_000, Path.of("runs/x")))
        .isEqualTo("error: out of memory (heap 60.0 of 64.0 MiB in use): raise the heap with"
            + " BIDARENA_JAVA_OPTS=-Xmx1g ./bidarena ... or java -Xmx1g -jar bidarena.jar ..., and continue the run"
            + " with: bidarena resume runs/x");
    assertThat(OutOfMemoryLine.of(60 * MIB, 64 * MIB, 0, null)).doesNotContain("resume");
  }

  @Test
  void pekkosFatalErrorReportIsHeldBackAndHandedOnWholeOtherLinesPassThrough() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    List<String> reports = new ArrayList<>();
    PrintStream err = new PrintStream(new PekkoFatalErrorWatch(
        new PrintStream(terminal, true, StandardCharsets.UTF_8), reports::add), false, StandardCharsets.UTF_8);

    err.println("12:00:00.000 WARN  some.Logger - a warning");
    err.print("Uncaught error from thread [");   // as Pekko prints it: in pieces, then a flush, then the trace
    err.print("bidarena-pekko.actor.default-dispatcher-3");
    err.println("]: Java heap space, shutting down ActorSystem[bidarena]");
    err.flush();
    new OutOfMemoryError("Java heap space").printStackTrace(err);
    assertThat(reports).isEmpty();
    err.flush();

    assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo("12:00:00.000 WARN  some.Logger - a warning\n");
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0)).startsWith("Uncaught error from thread [bidarena-pekko.actor.default-dispatcher-3]:")
        .contains("\njava.lang.OutOfMemoryError: Java heap space\n").contains("\tat ");
  }

  @Test
  void aPartLineThatIsNotPekkosReportIsPassedOnWhenFlushed() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new PekkoFatalErrorWatch(
        new PrintStream(terminal, true, StandardCharsets.UTF_8), r -> {}), false, StandardCharsets.UTF_8);
    err.print("Uncaught");
    err.flush();
    assertThat(terminal.toString(StandardCharsets.UTF_8)).isEmpty();
    err.print(" exception? no: a prompt> ");
    err.flush();
    assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo("Uncaught exception? no: a prompt> ");
  }

  @Test
  void theStartOfPekkosReportIsSignalledAsSoonAsTheMarkerIsWrittenAndOnlyThen() {
    int[] starts = new int[1];
    PrintStream err = new PrintStream(new PekkoFatalErrorWatch(
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), r -> {}, () -> starts[0]++, () -> {}),
        true, StandardCharsets.UTF_8);
    err.println("a line that mentions Uncaught error from thread [x] but does not start with it");
    err.print("Uncaught error from thread");
    err.flush();
    assertThat(starts[0]).as("not yet the whole marker").isZero();
    err.print(" [bidarena-scheduler-1]: Java heap space");
    err.flush();
    assertThat(starts[0]).as("signalled before the line ends, so the reserve is freed early").isEqualTo(1);
    err.println(", shutting down ActorSystem[bidarena]");
    err.println("java.lang.OutOfMemoryError: Java heap space");
    assertThat(starts[0]).isEqualTo(1);
  }

  @Test
  void theLineForAFullHeapIsReadyBeforeItIsNeeded() {
    OutOfMemoryLine.runFolder(Path.of("runs/y"), 0);
    String line = new String(OutOfMemoryLine.fullHeapLine(), java.nio.charset.Charset.defaultCharset());
    assertThat(line).matches("(?s)error: out of memory \\(heap ([0-9.]+) of \\1 MiB in use\\): .* bidarena resume runs/y\\R");
  }

  @Test
  void anOutOfMemoryErrorWhileHandlingPekkosReportGoesToTheHandlerNotBackIntoPekko() {
    // given: handing the report on runs out of memory, as it can when the heap is exhausted
    int[] outOfMemory = new int[1];
    PrintStream err = new PrintStream(new PekkoFatalErrorWatch(
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        r -> { throw new OutOfMemoryError("Java heap space"); }, () -> {}, () -> outOfMemory[0]++),
        false, StandardCharsets.UTF_8);

    // when: Pekko prints its report and flushes (a throw here would escape from Pekko's handler)
    err.println("Uncaught error from thread [bidarena-scheduler-1]: Java heap space, shutting down ActorSystem[x]");
    err.println("java.lang.OutOfMemoryError: Java heap space");
    err.flush();

    // then
    assertThat(outOfMemory[0]).isEqualTo(1);
  }
}
