package org.bidarena.learning.ctr.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The Avazu click log (Kaggle "Click-Through Rate Prediction", train layout): a header line, then 24
 * comma-separated columns: id, click, hour (YYMMDDHH), C1, banner_pos, site_id, site_domain, site_category,
 * app_id, app_domain, app_category, device_id, device_ip, device_model, device_type, device_conn_type,
 * C14..C21. The features are every column but id and click, with hour reduced to the hour of the day; the
 * day (YYMMDD) is kept for holding out whole days.
 */
public final class AvazuReader implements ExampleReader {
  public static final List<String> COLUMNS = List.of("id", "click", "hour", "C1", "banner_pos", "site_id",
      "site_domain", "site_category", "app_id", "app_domain", "app_category", "device_id", "device_ip",
      "device_model", "device_type", "device_conn_type", "C14", "C15", "C16", "C17", "C18", "C19", "C20", "C21");
  /** The feature fields: the columns after click, with hour meaning the hour of the day. */
  public static final List<String> FIELDS = COLUMNS.subList(2, COLUMNS.size());

  private final DelimitedLines lines;
  private final boolean skipBad;
  private final String[] columns = new String[COLUMNS.size()];
  private final String[] values = new String[FIELDS.size()];
  private int label;
  private long day;
  private long skipped;

  public AvazuReader(Path file, boolean skipBad) {
    this.lines = new DelimitedLines(file, ',');
    this.skipBad = skipBad;
    String header = lines.next();
    if (header == null) {
      throw new MalformedLineException(lines.source(), 1, "empty file; an Avazu file starts with the header "
          + String.join(",", COLUMNS));
    }
    int n = lines.split(columns);
    if (n != COLUMNS.size() || !List.of(columns).equals(COLUMNS)) {
      lines.close();
      throw new MalformedLineException(lines.source(), 1, "the header must be " + String.join(",", COLUMNS)
          + " (the Avazu train layout, 24 columns)");
    }
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

  /** Reads the current line into the fields; the problem with it, or null. */
  private String parse() {
    int n = lines.split(columns);
    if (n != COLUMNS.size()) {
      return n + " columns, an Avazu line has " + COLUMNS.size();
    }
    String click = columns[1];
    if (!click.equals("0") && !click.equals("1")) {
      return "click is '" + click + "', must be 0 or 1";
    }
    String hour = columns[2];
    if (hour.length() != 8 || !digits(hour) || Integer.parseInt(hour.substring(6)) > 23) {
      return "hour is '" + hour + "', must be YYMMDDHH";
    }
    label = click.charAt(0) - '0';
    day = Long.parseLong(hour.substring(0, 6));
    values[0] = hour.substring(6);
    System.arraycopy(columns, 3, values, 1, values.length - 1);
    return null;
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
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
    return day;
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
