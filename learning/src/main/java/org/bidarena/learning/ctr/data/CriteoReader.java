package org.bidarena.learning.ctr.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Criteo display-advertising log (Kaggle challenge, train layout): no header; 40 tab-separated fields
 * per line: the label (0/1), 13 integer features I1..I13 and 26 categorical features C1..C26 (hashed
 * strings), any of the 39 empty. An integer v becomes the category of its size: v itself up to 2, then
 * floor(ln(v)^2), a common bucketing for counts; categories are used as they are. Criteo has no days.
 */
public final class CriteoReader implements ExampleReader {
  public static final int INTEGERS = 13;
  public static final int CATEGORIES = 26;
  public static final List<String> FIELDS = fieldNames();

  private final DelimitedLines lines;
  private final boolean skipBad;
  private final String[] columns = new String[1 + INTEGERS + CATEGORIES];
  private final String[] values = new String[INTEGERS + CATEGORIES];
  private int label;
  private long skipped;

  public CriteoReader(Path file, boolean skipBad) {
    this.lines = new DelimitedLines(file, '\t');
    this.skipBad = skipBad;
  }

  private static List<String> fieldNames() {
    List<String> f = new ArrayList<>();
    for (int i = 1; i <= INTEGERS; i++) {
      f.add("I" + i);
    }
    for (int i = 1; i <= CATEGORIES; i++) {
      f.add("C" + i);
    }
    return List.copyOf(f);
  }

  @Override
  public List<String> fields() {
    return FIELDS;
  }

  @Override
  public boolean next() {
    while (lines.next() != null) {
      String problem = parse();
      if (problem == null) {
        return true;
      }
      if (!skipBad) {
        throw new MalformedLineException(lines.source(), lines.lineNumber(), problem);
      }
      skipped++;
    }
    return false;
  }

  private String parse() {
    int n = lines.split(columns);
    if (n != columns.length) {
      return n + " tab-separated fields, a Criteo line has " + columns.length
          + " (label, 13 integers, 26 categories)";
    }
    String l = columns[0];
    if (!l.equals("0") && !l.equals("1")) {
      return "label is '" + l + "', must be 0 or 1";
    }
    label = l.charAt(0) - '0';
    for (int i = 0; i < INTEGERS; i++) {
      String v = columns[1 + i];
      if (v.isEmpty()) {
        values[i] = "";
        continue;
      }
      long x;
      try {
        x = Long.parseLong(v);
      } catch (NumberFormatException e) {
        return "I" + (i + 1) + " is '" + v + "', must be an integer or empty";
      }
      values[i] = x > 2 ? "b" + (long) Math.floor(Math.pow(Math.log(x), 2)) : Long.toString(x);
    }
    System.arraycopy(columns, 1 + INTEGERS, values, INTEGERS, CATEGORIES);
    return null;
  }

  @Override
  public String[] values() {
    return values;
  }

  @Override
  public int label() {
    return label;
  }

  @Override
  public long day() {
    return -1;
  }

  @Override
  public long skipped() {
    return skipped;
  }

  @Override
  public double progress() {
    return lines.progress();
  }

  @Override
  public void close() {
    lines.close();
  }
}
