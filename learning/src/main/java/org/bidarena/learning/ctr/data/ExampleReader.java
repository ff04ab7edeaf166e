package org.bidarena.learning.ctr.data;

import java.io.Closeable;
import java.util.List;

/**
 * A stream of labelled examples, one at a time: each has one value per field (empty = absent), a click
 * label, and a day (for holding out whole days; -1 when the data has none). The values array is reused.
 */
public interface ExampleReader extends Closeable {
  /** The names of the fields, in the order of {@link #values}. */
  List<String> fields();

  /** Moves to the next example; false at the end. */
  boolean next();

  String[] values();

  /** 1 clicked, 0 not. */
  int label();

  /** The example's day, comparable in time order, or -1 when the data has no days. */
  long day();

  /** The true click probability, where the data knows it (a simulated run); NaN otherwise. */
  default double truth() {
    return Double.NaN;
  }

  /** Lines or records skipped as malformed (with skip-bad on). */
  long skipped();

  /** How far through the data the reader is, 0..1, for progress lines. */
  double progress();

  @Override
  void close();
}
