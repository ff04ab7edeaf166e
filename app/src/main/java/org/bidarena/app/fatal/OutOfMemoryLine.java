package org.bidarena.app.fatal;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The one line an out-of-memory error becomes: the heap in use and its maximum, a larger heap to try, and
 * how to continue the run. The commands that own a run folder name it with {@link #runFolder}.
 */
public final class OutOfMemoryLine {
  private static final long MIB = 1024 * 1024;
  /** Heap per customer with room for a run's other state: the bench measured ~212 bytes after a full GC. */
  private static final long BYTES_PER_CUSTOMER = 320;
  private static final long BASE_HEAP = 256 * MIB;

  private static volatile Path runDir;
  private static volatile long customers;
  private static volatile String heapVariable = "BIDARENA_JAVA_OPTS";
  /** The line for a full heap, encoded in advance: what is written when even building the line fails. */
  private static volatile byte[] fullHeapLine = encodedForFullHeap();

  private OutOfMemoryLine() {}

  /** The run this JVM plays: named in the line, and its customers size the suggested heap. */
  public static void runFolder(Path dir, long customerCount) {
    runDir = dir;
    customers = customerCount;
    fullHeapLine = encodedForFullHeap();
  }

  /** A node started by {@code cluster}: its heap is set through BIDARENA_NODE_JAVA_OPTS. */
  public static void clusterNode(long customerCount) {
    customers = customerCount;
    heapVariable = "BIDARENA_NODE_JAVA_OPTS";
    fullHeapLine = encodedForFullHeap();
  }

  /** The run folder named by {@link #runFolder}, or null. */
  static Path runDir() {
    return runDir;
  }

  /** The line for the heap as it is now. */
  public static String now() {
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return of(used, Runtime.getRuntime().maxMemory(), customers, runDir, heapVariable);
  }

  /** The line, with its newline, for a heap that is all in use: built ahead of need. */
  static byte[] fullHeapLine() {
    return fullHeapLine;
  }

  private static byte[] encodedForFullHeap() {
    long max = Runtime.getRuntime().maxMemory();
    return (of(max, max, customers, runDir, heapVariable) + System.lineSeparator())
        .getBytes(java.nio.charset.Charset.defaultCharset());
  }

  /** The line for {@code used} of {@code max} heap bytes, for a run of {@code customerCount} in {@code dir} (may be null). */
  static String of(long used, long max, long customerCount, Path dir) {
    return of(used, max, customerCount, dir, "BIDARENA_JAVA_OPTS");
  }

  private static String of(long used, long max, long customerCount, Path dir, String variable) {
    String heap = suggestedHeap(max, customerCount);
    String line = String.format("error: out of memory (heap %.1f of %.1f MiB in use): raise the heap with"
        + " %s=%s ./bidarena ... or java %s -jar bidarena.jar ...", used / (double) MIB,
        max / (double) MIB, variable, heap, heap);
    return dir == null ? line : line + ", and continue the run with: bidarena resume " + dir;
  }

  /**
   * Twice the heap, or what {@code customerCount} customers need by the measured bytes per customer if that
   * is more, rounded up to a power of two MiB: e.g. {@code -Xmx1g}.
   */
  static String suggestedHeap(long max, long customerCount) {
    long want = Math.max(2 * max, BASE_HEAP + BYTES_PER_CUSTOMER * customerCount);
    long mib = Long.highestOneBit(Math.max(1, (want + MIB - 1) / MIB));
    if (mib * MIB < want) {
      mib *= 2;
    }
    return mib >= 1024 ? "-Xmx" + mib / 1024 + "g" : "-Xmx" + mib + "m";
  }
}
